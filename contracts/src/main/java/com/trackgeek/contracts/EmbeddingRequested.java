package com.trackgeek.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The item's metadata was stored: compute its embedding. Travels on the topic of its {@link #lane()}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EmbeddingRequested(int schemaVersion, UUID requestId, MediaKey item, EmbeddingLane lane,
                                 Instant requestedAt) implements Message {

    public EmbeddingRequested {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    public static EmbeddingRequested of(UUID requestId, MediaKey item, EmbeddingLane lane, Instant requestedAt) {
        return new EmbeddingRequested(SCHEMA_VERSION, requestId, item, lane, requestedAt);
    }
}
