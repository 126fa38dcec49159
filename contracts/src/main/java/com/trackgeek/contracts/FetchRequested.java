package com.trackgeek.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An item is not stored yet: fetch it from its provider. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FetchRequested(int schemaVersion, UUID requestId, MediaKey item, SyncLane lane, Instant requestedAt)
        implements SyncRequest {

    public FetchRequested {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    public static FetchRequested of(UUID requestId, MediaKey item, SyncLane lane, Instant requestedAt) {
        return new FetchRequested(SCHEMA_VERSION, requestId, item, lane, requestedAt);
    }
}
