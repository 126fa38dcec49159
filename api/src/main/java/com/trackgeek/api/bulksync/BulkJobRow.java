package com.trackgeek.api.bulksync;

import com.trackgeek.contracts.bulk.BulkJobStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * One {@code bulk_job} row with its items' counts, read in one statement so that the figures of one answer
 * agree with each other. The status and the error code stay text: a newer worker may write values this version
 * does not know, which are shown as written.
 *
 * @param selectorJson  the selector as stored (the command's JSON)
 * @param pending       items known and without an outcome yet
 * @param recent        items given an outcome (cancelled ones aside) between {@code windowStart} and
 *                      {@code windowEnd}: the pace of the job
 * @param windowStart   the later of {@code rate-window} before {@code windowEnd} and the job's start
 * @param windowEnd     the job's end, or the database's now while it runs
 * @param now           the database's clock, which also wrote every {@code finished_at}
 */
record BulkJobRow(UUID id, String selectorJson, String mediaType, String status, String source, String requestedBy,
                  Instant requestedAt, Instant createdAt, Instant startedAt, Instant finishedAt,
                  boolean expansionDone, Long providerTotal, long providerCalls, int replayRound, String errorCode,
                  String errorDetail, long total, long pending, long stored, long unchanged, long skippedFresh,
                  long notFound, long failed, long cancelled, long recent, Instant windowStart, Instant windowEnd,
                  Instant now) {

    boolean is(BulkJobStatus expected) {
        return expected.value().equals(status);
    }

    boolean isFinished() {
        return BulkJobStatus.parse(status).map(BulkJobStatus::isFinished).orElse(false);
    }
}
