package com.trackgeek.sync.ratelimit;

import com.trackgeek.contracts.Provider;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs the limiter on a simulated clock: waiting advances the clock instead of sleeping, so each test
 * sends thousands of requests "over minutes" and checks every sliding window exactly.
 */
class ProviderRateLimiterTest {

    private static final Duration JITTER = Duration.ofMillis(50);

    private final SimulatedClock clock = new SimulatedClock();

    @Test
    void jikansTwoWindowsHoldInEverySlidingWindowOverTenMinutesOfSaturation() throws Exception {
        var windows = List.of(RateLimitWindow.of(3, Duration.ofSeconds(1)),
                new RateLimitWindow(60, Duration.ofMinutes(1), 6));

        List<Long> sent = saturate(limiter(windows), Duration.ofMinutes(10));

        assertThat(maxInAnyWindow(sent, Duration.ofSeconds(1))).isLessThanOrEqualTo(3);
        assertThat(maxInAnyWindow(sent, Duration.ofMinutes(1))).isLessThanOrEqualTo(60);
        // Close to the allowed 60/min in the long run, not far below it.
        assertThat(sent.size()).as("requests in 10 minutes").isGreaterThanOrEqualTo(540);
    }

    @Test
    void aBurstGoesOutAtOnceAndTheRestIsSpread() throws Exception {
        var limiter = limiter(List.of(new RateLimitWindow(10, Duration.ofSeconds(1), 4)));

        List<Long> sent = saturate(limiter, Duration.ofSeconds(1));

        assertThat(sent.subList(0, 4)).allMatch(at -> at == 0L);
        assertThat(sent.get(4)).isGreaterThan(0L);
        assertThat(maxInAnyWindow(sent, Duration.ofSeconds(1))).isLessThanOrEqualTo(10);
    }

    @Test
    void stillWithinTheLimitWhenRequestsArriveUpToTheJitterAllowanceLate() throws Exception {
        var windows = List.of(RateLimitWindow.of(40, Duration.ofSeconds(1)), RateLimitWindow.of(400, Duration.ofSeconds(10)));
        List<Long> sent = saturate(limiter(windows), Duration.ofSeconds(30));

        // Every other request reaches the provider as late as the allowance permits.
        List<Long> arrived = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            arrived.add(sent.get(i) + (i % 2 == 0 ? JITTER.toNanos() : 0));
        }
        arrived.sort(Long::compare);

        assertThat(maxInAnyWindow(arrived, Duration.ofSeconds(1))).isLessThanOrEqualTo(40);
        assertThat(maxInAnyWindow(arrived, Duration.ofSeconds(10))).isLessThanOrEqualTo(400);
    }

    @Test
    void aWindowMustLeaveRoomBeyondItsBurst() {
        assertThatThrownBy(() -> new RateLimitWindow(3, Duration.ofSeconds(1), 3)).hasMessageContaining("burst");
        assertThatThrownBy(() -> RateLimitWindow.of(1, Duration.ofSeconds(1))).hasMessageContaining("at least 2");
    }

    private ProviderRateLimiter limiter(List<RateLimitWindow> windows) {
        return ProviderRateLimiter.of(Provider.JIKAN, windows, JITTER, new SimpleMeterRegistry(), clock, clock);
    }

    /** Requests back to back for {@code duration} of simulated time; returns when each was let through. */
    private List<Long> saturate(ProviderRateLimiter limiter, Duration duration) throws InterruptedException {
        List<Long> sent = new ArrayList<>();
        while (true) {
            limiter.acquire();
            if (clock.now > duration.toNanos()) {
                return sent;
            }
            sent.add(clock.now);
        }
    }

    private static int maxInAnyWindow(List<Long> sortedNanos, Duration window) {
        int max = 0;
        int start = 0;
        for (int end = 0; end < sortedNanos.size(); end++) {
            // Half-open window (t - length, t]: a request exactly one window later no longer overlaps.
            while (sortedNanos.get(start) <= sortedNanos.get(end) - window.toNanos()) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }

    private static final class SimulatedClock implements TimeMeter, BlockingStrategy {
        long now;

        @Override
        public long currentTimeNanos() {
            return now;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        @Override
        public void park(long nanosToPark) {
            now += nanosToPark;
        }
    }
}
