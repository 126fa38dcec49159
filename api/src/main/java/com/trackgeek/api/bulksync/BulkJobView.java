package com.trackgeek.api.bulksync;

import com.trackgeek.api.ApiPaths;
import com.trackgeek.contracts.bulk.BulkSelector;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * What a caller sees of a bulk job, at {@code /api/v1/bulk-syncs/{id}}, in a 202 and in the listing: where it is
 * and how fast it goes. Every figure is read from the job's rows in one statement, so they agree with each other.
 *
 * @param selector              the selector, as the command carried it
 * @param type                  the media type of every item of the job (ANIME, MANGA, MOVIE, TV_SHOW, GAME, BOOK)
 * @param source                api (posted here) or kafka (a producer's command)
 * @param requestedBy           the API key's name, or a Kafka producer's own requestedBy (may be null)
 * @param startedAt             when a worker took the job, null while queued
 * @param finishedAt            when it ended (done, cancelled, failed), null while it runs
 * @param total                 the items known so far: listed pages' items
 * @param totalFinal            true once the selector is listed to its end: {@code total} is then every item
 * @param providerTotal         the provider's own count of the selector's items, where it gives one
 * @param done                  items with an outcome, whatever it is
 * @param pending               known items without an outcome yet
 * @param percentDone           done of the total in percent (one decimal): of {@code total} once it is final, of the
 *                              larger of {@code providerTotal} and {@code total} before; null while neither is known
 * @param itemsPerMinute        items given an outcome (cancelled ones aside) per minute over the last
 *                              {@code rate-window} (5 minutes) of the job, or since it started when that is shorter;
 *                              null before a worker started it
 * @param estimatedSecondsLeft  what is left divided by {@code itemsPerMinute}; null when unknown: the job is not
 *                              running, nothing finished lately, or how many items are left is not known yet (no
 *                              final total and no provider total)
 * @param estimatedCompletionAt now plus {@code estimatedSecondsLeft}
 * @param providerCalls         provider calls made for the job, listing and fetching, retries included
 * @param providerCallsPerFetchedItem provider calls per item fetched (stored or unchanged); null before any was
 * @param replayRound           how many times its failed items were replayed ({@code retry-failed})
 * @param errorCode             why the job itself failed (e.g. BULK_SELECTOR_NOT_SUPPORTED), or null
 */
record BulkJobView(UUID id,
                   @Schema(implementation = BulkSelector.class) JsonNode selector,
                   String type,
                   @Schema(allowableValues = {"queued", "expanding", "running", "done", "cancelled", "failed"})
                   String status,
                   @Schema(allowableValues = {"api", "kafka"}) String source,
                   String requestedBy, Instant requestedAt, Instant createdAt, Instant startedAt, Instant finishedAt,
                   long total, boolean totalFinal, Long providerTotal, long done, long pending, Outcomes outcomes,
                   Double percentDone, Double itemsPerMinute, Long estimatedSecondsLeft, Instant estimatedCompletionAt,
                   long providerCalls, Double providerCallsPerFetchedItem, int replayRound, String errorCode,
                   String errorDetail, Links links) {

    /** How many items ended each way; their sum is {@code done}. */
    record Outcomes(long stored, long unchanged, long skippedFresh, long notFound, long failed, long cancelled) {
    }

    /** @param items the job's items, e.g. {@code ?outcome=failed} for which failed and why */
    record Links(URI self, URI items) {
    }

    static BulkJobView of(BulkJobRow row, JsonNode selector) {
        long done = row.total() - row.pending();
        Long left = left(row, done);
        Double rate = ratePerMinute(row);
        Long secondsLeft = row.isFinished() || rate == null || rate == 0 || left == null
                ? null : (long) Math.ceil(left * 60.0 / rate);
        long fetched = row.stored() + row.unchanged();
        return new BulkJobView(row.id(), selector, row.mediaType(), row.status(), row.source(), row.requestedBy(),
                row.requestedAt(), row.createdAt(), row.startedAt(), row.finishedAt(), row.total(),
                row.expansionDone(), row.providerTotal(), done, row.pending(),
                new Outcomes(row.stored(), row.unchanged(), row.skippedFresh(), row.notFound(), row.failed(),
                        row.cancelled()),
                percentDone(row, done), rate == null ? null : round(rate, 1), secondsLeft,
                secondsLeft == null ? null : row.now().plusSeconds(secondsLeft),
                row.providerCalls(), fetched == 0 ? null : round((double) row.providerCalls() / fetched, 3),
                row.replayRound(), row.errorCode(), row.errorDetail(),
                new Links(ApiPaths.bulkSync(row.id()), URI.create(ApiPaths.bulkSync(row.id()) + "/items")));
    }

    /** Items still to do: known once the total is final, or from the provider's own count. */
    private static Long left(BulkJobRow row, long done) {
        if (row.expansionDone()) {
            return row.pending();
        }
        return row.providerTotal() == null ? null : Math.max(row.providerTotal() - done, row.pending());
    }

    private static Double percentDone(BulkJobRow row, long done) {
        if (row.expansionDone()) {
            return row.total() == 0 ? 100.0 : round(done * 100.0 / row.total(), 1);
        }
        if (row.providerTotal() == null || row.providerTotal() == 0) {
            return null;
        }
        return round(done * 100.0 / Math.max(row.providerTotal(), row.total()), 1);
    }

    private static Double ratePerMinute(BulkJobRow row) {
        if (row.startedAt() == null || row.windowStart() == null || row.windowEnd() == null) {
            return null;
        }
        long millis = Duration.between(row.windowStart(), row.windowEnd()).toMillis();
        return millis <= 0 ? null : row.recent() * 60_000.0 / millis;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
