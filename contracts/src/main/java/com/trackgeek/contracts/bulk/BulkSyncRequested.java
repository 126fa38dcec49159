package com.trackgeek.contracts.bulk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.trackgeek.contracts.Message;
import com.trackgeek.contracts.Topics;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A command to sync every item a {@link BulkSelector} names, on {@link Topics#BULK_COMMANDS}, keyed by
 * {@link #key()}. Sent by any producer or by the API's {@code POST /api/v1/bulk-syncs}. The {@code jobId} is the
 * producer's choice and makes the command idempotent: a second command with a job id already seen runs nothing.
 *
 * <p>A season, as a producer can paste it:
 * <pre>{@code
 * {"schemaVersion":1,"jobId":"6f1c2a4e-8a0b-4c55-9d3e-3b2f1d0c9a71",
 *  "selector":{"kind":"SEASON","type":"ANIME","year":2018,"season":"winter"},
 *  "requestedBy":"season-importer","requestedAt":"2026-12-03T05:00:00Z"}
 * }</pre>
 * A top list:
 * <pre>{@code
 * {"schemaVersion":1,"jobId":"0d9e7f3a-2c41-4b8e-a6f0-5e1d2c3b4a59",
 *  "selector":{"kind":"TOP","type":"MOVIE","list":"popular"},
 *  "requestedBy":"nightly-popular","requestedAt":"2026-12-03T05:00:00Z"}
 * }</pre>
 * Other selectors: {@code {"kind":"IDS","type":"GAME","ids":[1942,19560]}} and
 * {@code {"kind":"CATALOG","type":"GAME"}}. Unknown fields are ignored; a {@code schemaVersion} above the
 * reader's is not supported ({@link #isSupportedVersion()}).
 *
 * @param requestedBy who asked, free text for the job's record (e.g. a producer's name); may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BulkSyncRequested(int schemaVersion, UUID jobId, BulkSelector selector, String requestedBy,
                                Instant requestedAt) {

    public BulkSyncRequested {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    public static BulkSyncRequested of(UUID jobId, BulkSelector selector, String requestedBy, Instant requestedAt) {
        return new BulkSyncRequested(Message.SCHEMA_VERSION, jobId, selector, requestedBy, requestedAt);
    }

    /** The Kafka record key: a job's commands (a resend included) land on one partition. */
    public String key() {
        return jobId.toString();
    }

    public boolean isSupportedVersion() {
        return schemaVersion >= 1 && schemaVersion <= Message.SCHEMA_VERSION;
    }
}
