package com.trackgeek.api.problem;

import com.trackgeek.contracts.ErrorCode;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An answer that is not the happy one, as the problem detail the caller gets: a stable code, a status and a
 * sentence. These are expected outcomes (unknown ids, providers down), so no stack trace is captured.
 */
public final class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final HttpStatus status;
    private final Duration retryAfter;

    private ApiException(ErrorCode code, HttpStatus status, String detail, Duration retryAfter) {
        super(detail, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.status = Objects.requireNonNull(status, "status");
        this.retryAfter = retryAfter;
    }

    /** The usual status of the code, see {@link ProblemStatus}. */
    public static ApiException of(ErrorCode code, String detail) {
        return new ApiException(code, ProblemStatus.of(code), detail, null);
    }

    public static ApiException of(ErrorCode code, HttpStatus status, String detail) {
        return new ApiException(code, status, detail, null);
    }

    public static ApiException invalidParameter(String detail) {
        return of(ErrorCode.INVALID_PARAMETER, detail);
    }

    /** Tells the caller when trying again makes sense (a {@code Retry-After} header). */
    public ApiException retryAfter(Duration delay) {
        return new ApiException(code, status, getMessage(), delay);
    }

    public ErrorCode code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
