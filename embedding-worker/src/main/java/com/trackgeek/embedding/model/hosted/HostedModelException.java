package com.trackgeek.embedding.model.hosted;

import com.trackgeek.contracts.ErrorCode;

import java.time.Duration;
import java.util.Optional;

/**
 * A hosted embedding call that failed, with the stable code its provider's answer maps to. {@link HostedCalls}
 * retries it when {@link #retryable()}, waiting at least {@link #retryAfter()}; the message carries the
 * provider's own words (status and message), never our key.
 */
public final class HostedModelException extends RuntimeException {

    private final ErrorCode code;
    private final boolean retryable;
    private final transient Duration retryAfter;

    public HostedModelException(ErrorCode code, boolean retryable, Duration retryAfter, String message, Throwable cause) {
        super(code + ": " + message, cause);
        this.code = code;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** An answer that no retry changes: a missing model, a refused key, a refused request. */
    public static HostedModelException permanent(ErrorCode code, String message) {
        return new HostedModelException(code, false, null, message, null);
    }

    public ErrorCode code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }

    /** The wait the provider asked for (its {@code Retry-After}), if it named one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
