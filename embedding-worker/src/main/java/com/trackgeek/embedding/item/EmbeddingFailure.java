package com.trackgeek.embedding.item;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.embedding.model.hosted.HostedModelException;

import java.util.Set;

/**
 * Why the model did not embed a text, as a stable code, and what that means for the worker: a model-wide
 * failure (a refused key, an unknown model, a service that stays busy or away after the hosted client's own
 * retries) says nothing about the text, so the batch's other texts are not tried one by one against a failing
 * service; a retryable one is tried again later by the lane's error handler.
 *
 * @param modelWide every text would fail the same way now
 * @param retryable a later attempt may succeed (rate limited, service unavailable)
 */
record EmbeddingFailure(ErrorCode code, boolean modelWide, boolean retryable, String detail) {

    private static final Set<ErrorCode> MODEL_WIDE = Set.of(ErrorCode.EMBEDDING_CREDENTIALS_REJECTED,
            ErrorCode.EMBEDDING_MODEL_NOT_FOUND, ErrorCode.EMBEDDING_RATE_LIMITED, ErrorCode.EMBEDDING_SERVICE_UNAVAILABLE);

    /** A hosted model's own code; anything else a model throws on a text is that text's rejection. */
    static EmbeddingFailure of(RuntimeException failure) {
        if (failure instanceof HostedModelException hosted) {
            return new EmbeddingFailure(hosted.code(), hosted.retryable() || MODEL_WIDE.contains(hosted.code()),
                    hosted.retryable(), hosted.getMessage());
        }
        return new EmbeddingFailure(ErrorCode.EMBEDDING_TEXT_REJECTED, false, false,
                ErrorCode.EMBEDDING_TEXT_REJECTED + ": " + failure);
    }

    /** The same failure for a text the batch did not send after it, so the detail says so. */
    EmbeddingFailure notSent() {
        return new EmbeddingFailure(code, modelWide, retryable, "not sent after a model-wide failure: " + detail);
    }
}
