package com.trackgeek.embedding.model.hosted;

import java.time.Duration;

/**
 * How one hosted model is called: its own request budget and how it retries.
 *
 * @param requestsPerMinute at most this many requests in any minute, counted by this worker; 0 switches it off
 * @param maxAttempts       attempts per request, the first included (1: no retry)
 * @param initialBackoff    wait before the first retry; doubled for each further one
 * @param maxBackoff        cap of every wait, a provider's longer {@code Retry-After} included: a longer wait
 *                          ends the call with the provider's code instead of holding the lane
 */
public record HostedCallPolicy(int requestsPerMinute, int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public HostedCallPolicy {
        if (requestsPerMinute < 0 || maxAttempts < 1 || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("invalid hosted call policy: " + requestsPerMinute + " requests/min, "
                    + maxAttempts + " attempts, backoff " + initialBackoff + ".." + maxBackoff);
        }
    }

    /** The wait before retry number {@code retry} (1 for the first): exponential, capped. */
    Duration backoff(int retry) {
        Duration wait = initialBackoff;
        for (int i = 1; i < retry && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
