package com.trackgeek.api.problem;

import com.trackgeek.contracts.ErrorCode;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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
    private final Map<String, Object> properties;

    private ApiException(ErrorCode code, HttpStatus status, String detail, Duration retryAfter,
                         Map<String, Object> properties) {
        super(detail, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.status = Objects.requireNonNull(status, "status");
        this.retryAfter = retryAfter;
        this.properties = Map.copyOf(properties);
    }

    /** The usual status of the code, see {@link ProblemStatus}. */
    public static ApiException of(ErrorCode code, String detail) {
        return new ApiException(code, ProblemStatus.of(code), detail, null, Map.of());
    }

    public static ApiException of(ErrorCode code, HttpStatus status, String detail) {
        return new ApiException(code, status, detail, null, Map.of());
    }

    public static ApiException invalidParameter(String detail) {
        return of(ErrorCode.INVALID_PARAMETER, detail);
    }

    /** Tells the caller when trying again makes sense (a {@code Retry-After} header). */
    public ApiException retryAfter(Duration delay) {
        return new ApiException(code, status, getMessage(), delay, properties);
    }

    /** A member of the problem detail besides the standard ones and {@code code} (RFC 9457 extension members). */
    public ApiException with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(properties);
        more.put(name, value);
        return new ApiException(code, status, getMessage(), retryAfter, more);
    }

    public Map<String, Object> properties() {
        return properties;
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
