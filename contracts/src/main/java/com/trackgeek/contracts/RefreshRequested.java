package com.trackgeek.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A stored item may be out of date: fetch it again from its provider. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RefreshRequested(int schemaVersion, UUID requestId, MediaKey item, SyncLane lane, Instant requestedAt)
        implements SyncRequest {

    public RefreshRequested {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    public static RefreshRequested of(UUID requestId, MediaKey item, SyncLane lane, Instant requestedAt) {
        return new RefreshRequested(SCHEMA_VERSION, requestId, item, lane, requestedAt);
    }
}
