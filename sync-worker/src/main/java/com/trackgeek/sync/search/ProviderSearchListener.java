package com.trackgeek.sync.search;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.Message;
import com.trackgeek.contracts.ProviderSearchRequested;
import com.trackgeek.contracts.Topics;
import com.trackgeek.servicekit.UnprocessableMessageException;
import com.trackgeek.sync.ratelimit.WorkLane;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes provider searches off their topic, in a listener container of their own: a person waits for each, so
 * none queues behind sync commands, least of all bulk ones; its provider requests take tokens on the
 * interactive {@link WorkLane}. The offset is committed when the method returns, after the answer is in
 * PostgreSQL and its follow-up commands are in Kafka.
 */
@Component
class ProviderSearchListener {

    private final ProviderSearchHandler handler;

    ProviderSearchListener(ProviderSearchHandler handler) {
        this.handler = handler;
    }

    @KafkaListener(id = "provider-searches", idIsGroup = false, topics = Topics.PROVIDER_SEARCHES)
    void onSearch(ProviderSearchRequested search) {
        if (!search.isSupportedVersion()) {
            throw new UnprocessableMessageException(ErrorCode.MALFORMED_MESSAGE,
                    "unsupported schema version " + search.schemaVersion() + " (this worker reads up to "
                            + Message.SCHEMA_VERSION + ")");
        }
        WorkLane.INTERACTIVE.run(() -> handler.handle(search));
    }
}
