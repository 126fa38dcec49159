package com.trackgeek.sync.provider;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Retries of one provider request after a 5xx, a 429, a timeout or a refused connection.
 *
 * @param maxAttempts    attempts in total, the first included
 * @param initialBackoff pause before the first retry; it doubles, with jitter, up to {@code maxBackoff}
 * @param maxBackoff     longest pause, also the cap on a provider's Retry-After
 */
public record RetrySettings(@DefaultValue("3") int maxAttempts,
                            @DefaultValue("500ms") Duration initialBackoff,
                            @DefaultValue("10s") Duration maxBackoff) {
}
