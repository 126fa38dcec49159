package com.trackgeek.sync.command;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.SyncLane;
import com.trackgeek.contracts.SyncRequest;
import com.trackgeek.servicekit.DeadLetterListener;
import com.trackgeek.sync.state.SyncLedger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Ends the request of a sync command the consumer gave up on (an unexpected exception after its retries, an
 * unsupported schema version): the request is recorded failed with the dead letter's code and reason, and
 * {@code SyncFailed} is announced, so nobody waits for it and the next read of the item starts a new fetch.
 * Without this, the request would stay {@code running} and every read would join it forever.
 *
 * <p>A record that does not even parse as a command names no request: there is nothing to end. A request
 * that already finished keeps its outcome. If PostgreSQL or Kafka fails here, the exception keeps the record
 * where it is; its redelivery finds the request ended and only repeats the announcement.
 */
@Component
class GivenUpSyncRequests implements DeadLetterListener {

    private static final Logger log = LoggerFactory.getLogger(GivenUpSyncRequests.class);
    private static final Set<String> COMMAND_TOPICS = Arrays.stream(SyncLane.values()).map(SyncLane::topic)
            .collect(Collectors.toUnmodifiableSet());

    private final JsonMapper json;
    private final SyncLedger ledger;
    private final SyncOutcomePublisher publisher;
    private final TransactionTemplate transactions;
    private final SyncFailures failures;

    GivenUpSyncRequests(JsonMapper json, SyncLedger ledger, SyncOutcomePublisher publisher, TransactionTemplate transactions,
                        SyncFailures failures) {
        this.json = json;
        this.ledger = ledger;
        this.publisher = publisher;
        this.transactions = transactions;
        this.failures = failures;
    }

    @Override
    public void deadLettered(ConsumerRecord<?, ?> record, ErrorCode code, String reason) {
        if (!COMMAND_TOPICS.contains(record.topic())) {
            return;
        }
        Optional<SyncRequest> command = command(record.value());
        if (command.isEmpty()) {
            return;
        }
        SyncRequest request = command.get();
        Boolean ended = transactions.execute(status -> ledger.recordGivenUp(request, code, reason));
        if (Boolean.TRUE.equals(ended)) {
            log.warn("Sync of {} (request {}) given up: {} {}", request.item(), request.requestId(), code, reason);
            failures.failed(request, code);
            publisher.failed(request, code, reason);
        }
    }

    /** The command in the record's bytes, in the contracts' JSON shape; empty for anything else. */
    private Optional<SyncRequest> command(Object value) {
        byte[] bytes = switch (value) {
            case byte[] raw -> raw;
            case String text -> text.getBytes(StandardCharsets.UTF_8);
            case null, default -> null;
        };
        if (bytes == null || bytes.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(json.readValue(bytes, SyncRequest.class));
        } catch (JacksonException unreadable) {
            return Optional.empty();
        }
    }
}
