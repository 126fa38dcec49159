package com.trackgeek.sync.bulk;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.Topics;
import com.trackgeek.contracts.bulk.BulkJobStatus;
import com.trackgeek.contracts.bulk.BulkSyncRequested;
import com.trackgeek.contracts.bulk.BulkWork;
import com.trackgeek.servicekit.DeadLetterListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Ends the part of a bulk job whose record the consumer gave up on (an unexpected exception after its retries,
 * an unsupported schema version), so that nothing stays pending forever: a batch's pending items fail with the
 * dead letter's code, a page's job fails (with the items it recorded but never published), a replay's pending
 * items fail, and a command's job fails if it never got past its start. Items with an outcome keep it. A record
 * that does not parse names no job: there is nothing to end.
 */
@Component
class GivenUpBulkWork implements DeadLetterListener {

    private static final Logger log = LoggerFactory.getLogger(GivenUpBulkWork.class);
    private static final Set<BulkJobStatus> ACTIVE = Set.of(BulkJobStatus.EXPANDING, BulkJobStatus.RUNNING);

    private final JsonMapper json;
    private final BulkJobRows rows;
    private final TransactionTemplate transactions;

    GivenUpBulkWork(JsonMapper json, BulkJobRows rows, TransactionTemplate transactions) {
        this.json = json;
        this.rows = rows;
        this.transactions = transactions;
    }

    @Override
    public void deadLettered(ConsumerRecord<?, ?> record, ErrorCode code, String reason) {
        if (!(record.value() instanceof byte[] bytes)) {
            return;
        }
        if (Topics.BULK_WORK.equals(record.topic())) {
            parse(bytes, BulkWork.class).ifPresent(work -> givenUp(work, code, reason));
        } else if (Topics.BULK_COMMANDS.equals(record.topic())) {
            parse(bytes, BulkSyncRequested.class).ifPresent(command -> givenUp(command.jobId(), code, reason));
        }
    }

    private void givenUp(BulkWork work, ErrorCode code, String reason) {
        UUID jobId = work.jobId();
        transactions.executeWithoutResult(status -> {
            switch (work) {
                case BulkWork.FetchItems batch -> rows.failPending(jobId, batch.ids(), code, reason);
                case BulkWork.ExpandPage page -> rows.failJob(jobId, code, "page " + page.page() + ": " + reason, ACTIVE);
                case BulkWork.ReplayFailed replay ->
                        rows.failPending(jobId, rows.pendingOfRound(jobId, replay.round()), code, reason);
            }
        });
        log.warn("Bulk job {}: {} given up: {} {}", jobId, work.getClass().getSimpleName(), code, reason);
        if (rows.finishIfDone(jobId)) {
            log.info("Bulk job {} done", jobId);
        }
    }

    /** A command given up on before its job got going: the job fails, as nobody will expand it. */
    private void givenUp(UUID jobId, ErrorCode code, String reason) {
        Boolean ended = transactions.execute(status -> {
            Optional<BulkJobRows.Job> job = rows.lock(jobId);
            boolean neverStarted = job.filter(found -> found.is(BulkJobStatus.QUEUED)
                    || (found.is(BulkJobStatus.EXPANDING) && found.expandedThroughPage() == 0
                    && found.publishedThroughPage() == 0)).isPresent();
            return neverStarted && rows.failJob(jobId, code, reason, Set.of(BulkJobStatus.QUEUED, BulkJobStatus.EXPANDING));
        });
        if (Boolean.TRUE.equals(ended)) {
            log.warn("Bulk job {} failed: its command was given up on: {} {}", jobId, code, reason);
        }
    }

    private <T> Optional<T> parse(byte[] bytes, Class<T> type) {
        try {
            return Optional.ofNullable(json.readValue(bytes, type));
        } catch (JacksonException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}
