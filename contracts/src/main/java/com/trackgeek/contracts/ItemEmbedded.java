package com.trackgeek.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A vector of the item's current text is stored in {@code item_embedding} under {@link #model()}, on
 * {@link Topics#EMBEDDING_EVENTS}, published only after that commit. It carries no vector: readers load it from
 * PostgreSQL, which stays the one place vectors live (a reader that missed events rebuilds from there).
 *
 * @param requestId the embedding request that computed it (the first, when one batch served several)
 * @param model     the stored model name, the key that keeps vectors of different models apart
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ItemEmbedded(int schemaVersion, UUID requestId, MediaKey item, String model, int dimensions,
                           Instant embeddedAt) implements Message {

    public ItemEmbedded {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(embeddedAt, "embeddedAt");
        if (dimensions <= 0) {
            throw new IllegalArgumentException("dimensions must be positive: " + dimensions);
        }
    }

    public static ItemEmbedded of(UUID requestId, MediaKey item, String model, int dimensions, Instant embeddedAt) {
        return new ItemEmbedded(SCHEMA_VERSION, requestId, item, model, dimensions, embeddedAt);
    }
}
