package com.trackgeek.sync.command;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.SyncRequest;
import com.trackgeek.contracts.Topics;
import com.trackgeek.servicekit.UnprocessableMessageException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes sync commands off the interactive lane. The record's offset is committed when this method returns,
 * which is after the item and its outcome are committed to PostgreSQL.
 */
@Component
class SyncRequestListener {

    private final SyncCommandHandler handler;

    SyncRequestListener(SyncCommandHandler handler) {
        this.handler = handler;
    }

    @KafkaListener(id = "sync-requests-interactive", idIsGroup = false, topics = Topics.SYNC_REQUESTS_INTERACTIVE)
    void onInteractive(SyncRequest request) {
        if (!request.isSupportedVersion()) {
            throw new UnprocessableMessageException(ErrorCode.MALFORMED_MESSAGE,
                    "unsupported schema version " + request.schemaVersion() + " (this worker reads up to "
                            + SyncRequest.SCHEMA_VERSION + ")");
        }
        handler.handle(request);
    }
}
