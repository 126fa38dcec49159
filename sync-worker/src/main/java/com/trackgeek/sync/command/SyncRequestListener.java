package com.trackgeek.sync.command;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.SyncRequest;
import com.trackgeek.contracts.Topics;
import com.trackgeek.servicekit.UnprocessableMessageException;
import com.trackgeek.sync.ratelimit.WorkLane;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes sync commands off both lanes. Each lane has its own listener container, so a backlog of bulk commands
 * never stands in front of a person's command, and each tells the provider budgets its {@link WorkLane}, so a
 * person's command also goes first where provider tokens are taken. A record's offset is committed when its
 * method returns, which is after the item and its outcome are committed to PostgreSQL.
 */
@Component
class SyncRequestListener {

    private final SyncCommandHandler handler;

    SyncRequestListener(SyncCommandHandler handler) {
        this.handler = handler;
    }

    @KafkaListener(id = "sync-requests-interactive", idIsGroup = false, topics = Topics.SYNC_REQUESTS_INTERACTIVE)
    void onInteractive(SyncRequest request) {
        WorkLane.INTERACTIVE.run(() -> handle(request));
    }

    @KafkaListener(id = "sync-requests-bulk", idIsGroup = false, topics = Topics.SYNC_REQUESTS_BULK)
    void onBulk(SyncRequest request) {
        WorkLane.BULK.run(() -> handle(request));
    }

    private void handle(SyncRequest request) {
        if (!request.isSupportedVersion()) {
            throw new UnprocessableMessageException(ErrorCode.MALFORMED_MESSAGE,
                    "unsupported schema version " + request.schemaVersion() + " (this worker reads up to "
                            + SyncRequest.SCHEMA_VERSION + ")");
        }
        handler.handle(request);
    }
}
