package com.trackgeek.embedding.item;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How a request the model failed on for a passing reason (EMBEDDING_RATE_LIMITED, EMBEDDING_SERVICE_UNAVAILABLE,
 * after the hosted client's own retries) is tried again: by the lane's error handler, record by record, with
 * exponential back-off. Small on purpose: while a record waits its lane waits, so after the last attempt the
 * request is recorded failed and dead-lettered, and the lane goes on.
 *
 * @param maxAttempts    deliveries of a request, the first included (1: no retry); counted in
 *                       {@code embedding_request.deliveries}
 * @param initialBackoff wait before the first retry, doubled for each further one
 * @param maxBackoff     cap of every wait
 */
@ConfigurationProperties("trackgeek.embedding.retry")
public record RetryProperties(
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("8s") Duration maxBackoff) {

    public RetryProperties {
        if (maxAttempts < 1 || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("invalid trackgeek.embedding.retry: " + maxAttempts + " attempts, back-off "
                    + initialBackoff + ".." + maxBackoff);
        }
    }
}
