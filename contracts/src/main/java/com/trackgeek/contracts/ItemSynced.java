package com.trackgeek.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The item's metadata is stored; its embedding is requested. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ItemSynced(int schemaVersion, UUID requestId, MediaKey item, Instant syncedAt) implements SyncEvent {

    public ItemSynced {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(syncedAt, "syncedAt");
    }

    public static ItemSynced of(UUID requestId, MediaKey item, Instant syncedAt) {
        return new ItemSynced(SCHEMA_VERSION, requestId, item, syncedAt);
    }
}
