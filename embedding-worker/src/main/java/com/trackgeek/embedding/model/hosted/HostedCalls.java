package com.trackgeek.embedding.model.hosted;

import com.trackgeek.contracts.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Every request of one hosted model goes through here: its own requests-per-minute budget, then retries of
 * retryable failures (429, 5xx, timeouts) with capped exponential backoff that waits at least the provider's
 * {@code Retry-After}. A permanent failure (missing model, refused key) is thrown at once. A dozen lines
 * rather than Resilience4j's Retry: the wait depends on each failure's own Retry-After, and the lane's thread
 * simply waits, which is what a budget shared by nobody else needs.
 */
public final class HostedCalls {

    private static final Logger log = LoggerFactory.getLogger(HostedCalls.class);

    private final String model;
    private final HostedCallPolicy policy;
    private final RequestsPerMinute budget;

    /** @param model how log lines name the model (never a URL or a key) */
    public HostedCalls(String model, HostedCallPolicy policy) {
        this.model = model;
        this.policy = policy;
        this.budget = new RequestsPerMinute(policy.requestsPerMinute());
    }

    public <T> T call(Supplier<T> request) {
        for (int attempt = 1; ; attempt++) {
            try {
                budget.acquire();
                return request.get();
            } catch (HostedModelException failure) {
                if (!failure.retryable() || attempt >= policy.maxAttempts()) {
                    throw failure;
                }
                Duration wait = waitBefore(attempt, failure);
                log.warn("Embedding model {} failed ({}), retry {} of {} in {} ms", model, failure.getMessage(),
                        attempt, policy.maxAttempts() - 1, wait.toMillis());
                sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HostedModelException(ErrorCode.EMBEDDING_SERVICE_UNAVAILABLE, true, null,
                        "interrupted while waiting for the request budget", e);
            }
        }
    }

    private Duration waitBefore(int attempt, HostedModelException failure) {
        Duration backoff = policy.backoff(attempt);
        Duration asked = failure.retryAfter().orElse(Duration.ZERO);
        Duration wait = asked.compareTo(backoff) > 0 ? asked : backoff;
        if (wait.compareTo(policy.maxBackoff()) > 0) {
            // A provider asking for more than we are willing to hold a lane for: give up with its code now.
            throw failure;
        }
        return wait;
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostedModelException(ErrorCode.EMBEDDING_SERVICE_UNAVAILABLE, true, null,
                    "interrupted while backing off", e);
        }
    }
}
