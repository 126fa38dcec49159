package com.trackgeek.embedding.item;

import com.trackgeek.contracts.ErrorCode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The model did not embed the items of some requests of a batch. Everything else of the batch is done and
 * committed. Each failed request says what the lane should do with it: dead-letter it (it is recorded failed, with
 * its code, and its item's sync state says so), or let the error handler deliver it again later
 * ({@link Failed#retryLater()}: nothing is recorded yet).
 */
public class ItemEmbeddingFailedException extends RuntimeException {

    private final transient Map<UUID, Failed> failed;

    ItemEmbeddingFailedException(Map<UUID, Failed> failed) {
        super("could not embed the items of " + failed.size() + " request(s): " + failed.values().iterator().next().detail());
        this.failed = Map.copyOf(failed);
    }

    public List<UUID> requestIds() {
        return List.copyOf(failed.keySet());
    }

    /** What became of one of {@link #requestIds()}. */
    public Failed failureOf(UUID requestId) {
        return failed.get(requestId);
    }

    /**
     * @param retryLater the failure may pass (rate limited, service unavailable) and the request has attempts left
     */
    public record Failed(ErrorCode code, String detail, boolean retryLater) {
    }
}
