package com.trackgeek.sync.ratelimit;

import com.trackgeek.contracts.Provider;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.List;

/**
 * Lets a caller send one request to a provider only when every one of the provider's windows allows it,
 * blocking until then. Bucket4j holds one bandwidth per window.
 *
 * <p>This limiter is per process; sharing one budget between worker replicas is a later step (Bucket4j's
 * PostgreSQL backend takes the same bandwidths).
 */
public final class ProviderRateLimiter {

    private final Bucket bucket;
    private final BlockingStrategy blocking;
    private final Timer waits;

    private ProviderRateLimiter(Bucket bucket, BlockingStrategy blocking, Timer waits) {
        this.bucket = bucket;
        this.blocking = blocking;
        this.waits = waits;
    }

    public static ProviderRateLimiter of(Provider provider, List<RateLimitWindow> windows, Duration jitterAllowance,
                                         MeterRegistry registry) {
        return of(provider, windows, jitterAllowance, registry, TimeMeter.SYSTEM_NANOTIME, BlockingStrategy.PARKING);
    }

    /** With a clock and a way of waiting of the caller's choice: lets a test run hours of traffic in milliseconds. */
    static ProviderRateLimiter of(Provider provider, List<RateLimitWindow> windows, Duration jitterAllowance,
                                  MeterRegistry registry, TimeMeter clock, BlockingStrategy blocking) {
        if (windows.isEmpty()) {
            throw new IllegalArgumentException(provider + " needs at least one rate limit window");
        }
        var builder = Bucket.builder().withCustomTimePrecision(clock);
        for (RateLimitWindow window : windows) {
            builder.addLimit(limit -> limit.capacity(window.burst())
                    .refillGreedy(window.refillTokens(), window.refillPeriod(jitterAllowance)));
        }
        Timer waits = Timer.builder("trackgeek.provider.ratelimit.wait")
                .description("Time a provider request waited for its rate limit")
                .tag("provider", provider.name().toLowerCase())
                .publishPercentileHistogram()
                .register(registry);
        return new ProviderRateLimiter(builder.build(), blocking, waits);
    }

    /** Blocks until one request may be sent. */
    public void acquire() throws InterruptedException {
        long started = System.nanoTime();
        bucket.asBlocking().consume(1, blocking);
        waits.record(Duration.ofNanos(System.nanoTime() - started));
    }
}
