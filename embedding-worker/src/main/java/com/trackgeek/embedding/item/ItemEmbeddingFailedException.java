package com.trackgeek.embedding.item;

import java.util.List;
import java.util.UUID;

/**
 * The model could not embed some items of a batch. Everything else of the batch is done and committed; these
 * requests are recorded as failed and are the caller's to retry or dead-letter.
 */
public class ItemEmbeddingFailedException extends RuntimeException {

    private final transient List<UUID> requestIds;

    ItemEmbeddingFailedException(List<UUID> requestIds, Throwable firstCause) {
        super("could not embed the items of " + requestIds.size() + " request(s): " + firstCause.getMessage(), firstCause);
        this.requestIds = List.copyOf(requestIds);
    }

    public List<UUID> requestIds() {
        return requestIds;
    }
}
