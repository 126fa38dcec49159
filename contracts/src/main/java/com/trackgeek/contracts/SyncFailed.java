package com.trackgeek.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The sync ended without storing the item: the provider does not know it ({@code *_NOT_FOUND}), is
 * unavailable ({@code *_SERVICE_UNAVAILABLE}) or answered something unreadable.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SyncFailed(int schemaVersion, UUID requestId, MediaKey item, ErrorCode code, String detail,
                         Instant failedAt) implements SyncEvent {

    public SyncFailed {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(failedAt, "failedAt");
    }

    public static SyncFailed of(UUID requestId, MediaKey item, ErrorCode code, String detail, Instant failedAt) {
        return new SyncFailed(SCHEMA_VERSION, requestId, item, code, detail, failedAt);
    }
}
