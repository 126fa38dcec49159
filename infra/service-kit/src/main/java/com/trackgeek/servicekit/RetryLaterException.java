package com.trackgeek.servicekit;

import com.trackgeek.contracts.ErrorCode;
import org.springframework.util.backoff.BackOff;

/**
 * A record that may be processed when tried again a little later, because something outside the pipeline is
 * busy or away (a hosted model answering 429 or 503 after its own retries). The error handler retries it with
 * the exception's own {@link BackOff} (bounded, so the consumer's lane is not held for long), then dead-letters it
 * with {@link #code()}. Not for PostgreSQL or Kafka being unreachable: those are retried without end
 * ({@link PipelineUnavailableException}).
 */
public class RetryLaterException extends RuntimeException {

    private final ErrorCode code;
    private final transient BackOff backOff;

    public RetryLaterException(ErrorCode code, String reason, BackOff backOff, Throwable cause) {
        super(reason, cause);
        this.code = code;
        this.backOff = backOff;
    }

    public ErrorCode code() {
        return code;
    }

    public BackOff backOff() {
        return backOff;
    }
}
