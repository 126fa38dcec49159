package com.trackgeek.sync.search;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.ProviderSearchRequested;
import com.trackgeek.contracts.Topics;
import com.trackgeek.servicekit.DeadLetterListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ends a provider search the consumer gave up on (an unexpected exception after its retries, an unsupported
 * schema version): its row is recorded failed with the dead letter's code and reason, so the searches waiting
 * on it stop at once with the provider part flagged missing, and the next search after the failure's short
 * lifetime asks again. A record that does not parse names no search: its row, if any, is taken over once its
 * running bound passes.
 */
@Component
class GivenUpProviderSearches implements DeadLetterListener {

    private static final Logger log = LoggerFactory.getLogger(GivenUpProviderSearches.class);

    private final JsonMapper json;
    private final ProviderSearchAnswers answers;
    private final TransactionTemplate transactions;

    GivenUpProviderSearches(JsonMapper json, ProviderSearchAnswers answers, TransactionTemplate transactions) {
        this.json = json;
        this.answers = answers;
        this.transactions = transactions;
    }

    @Override
    public void deadLettered(ConsumerRecord<?, ?> record, ErrorCode code, String reason) {
        if (!Topics.PROVIDER_SEARCHES.equals(record.topic()) || !(record.value() instanceof byte[] bytes)) {
            return;
        }
        ProviderSearchRequested search;
        try {
            search = json.readValue(bytes, ProviderSearchRequested.class);
        } catch (JacksonException | IllegalArgumentException unreadable) {
            return;
        }
        if (search != null && Boolean.TRUE.equals(transactions.execute(status -> answers.fail(search, code, reason)))) {
            log.warn("Provider search {} for {} '{}' given up: {} {}", search.searchId(), search.type(), search.query(),
                    code, reason);
        }
    }
}
