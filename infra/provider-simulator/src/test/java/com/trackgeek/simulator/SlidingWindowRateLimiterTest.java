package com.trackgeek.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SlidingWindowRateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
    private final SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(clock, List.of(
            new RateWindow(3, Duration.ofSeconds(1)), new RateWindow(5, Duration.ofMinutes(1))));

    @Test
    void fourthRequestWithinOneSecondWaitsUntilTheFirstLeavesTheWindow() {
        assertThat(limiter.tryAcquire().allowed()).isTrue();
        clock.advance(Duration.ofMillis(400));
        assertThat(limiter.tryAcquire().allowed()).isTrue();
        assertThat(limiter.tryAcquire().allowed()).isTrue();

        RateLimitDecision fourth = limiter.tryAcquire();

        assertThat(fourth.allowed()).isFalse();
        assertThat(fourth.retryAfter()).isEqualTo(Duration.ofMillis(600));
        assertThat(fourth.retryAfterSeconds()).isEqualTo(1);
        clock.advance(Duration.ofMillis(600));
        assertThat(limiter.tryAcquire().allowed()).isTrue();
    }

    @Test
    void windowSlidesInsteadOfResettingOnTheSecond() {
        clock.advance(Duration.ofMillis(900));
        limiter.tryAcquire();
        limiter.tryAcquire();
        limiter.tryAcquire();
        // A fixed window would reset at the full second (100 ms later); a sliding one waits a whole second.
        clock.advance(Duration.ofMillis(200));

        assertThat(limiter.tryAcquire().allowed()).isFalse();
    }

    @Test
    void minuteWindowRejectsOnceItsBudgetIsSpentAndNamesWhenItFreesUp() {
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire().allowed()).as("request %d", i).isTrue();
            clock.advance(Duration.ofSeconds(2));
        }

        RateLimitDecision sixth = limiter.tryAcquire();

        assertThat(sixth.allowed()).isFalse();
        assertThat(sixth.retryAfter()).isEqualTo(Duration.ofSeconds(50));
        assertThat(sixth.retryAfterSeconds()).isEqualTo(50);
    }

    @Test
    void rejectedRequestsDoNotUseUpTheBudget() {
        for (int i = 0; i < 10; i++) {
            limiter.tryAcquire();
        }
        clock.advance(Duration.ofSeconds(1));

        assertThat(limiter.tryAcquire().allowed()).isTrue();
        assertThat(limiter.tryAcquire().allowed()).isTrue();
        assertThat(limiter.tryAcquire().allowed()).as("minute budget of 5 spent by 3 + 2 admitted").isFalse();
    }
}
