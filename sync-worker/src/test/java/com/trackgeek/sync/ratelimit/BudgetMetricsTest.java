package com.trackgeek.sync.ratelimit;

import com.trackgeek.contracts.Provider;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What a provider's budget tells a dashboard before any request: the rate it allows in the long run (so tokens taken
 * per second over it is the share used) and a token count per lane, at zero.
 */
class BudgetMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void theCapacityIsTheSustainedRateOfTheTightestWindow() {
        // Jikan: 3 a second (burst 1) and 60 a minute (burst 6), each window stretched by 50 ms of jitter.
        var windows = List.of(RateLimitWindow.of(3, Duration.ofSeconds(1)), new RateLimitWindow(60, Duration.ofMinutes(1), 6));

        ProviderBudgets.inProcess(BudgetSettings.defaults(), registry).limiter(Provider.JIKAN, windows, Duration.ofMillis(50));

        // The minute window: after its burst of 6, 54 more per 60.05 s; the second window allows 2 per 1.05 s.
        assertThat(registry.get("trackgeek.provider.budget.capacity").tag("provider", "jikan").gauge().value())
                .isCloseTo(54 / 60.05, within(1e-9));
    }

    @Test
    void prometheusSeesTheCapacityAndTheTokensUnderTheNamesTheDashboardDividesByEachOther() {
        var prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

        ProviderBudgets.inProcess(BudgetSettings.defaults(), prometheus)
                .limiter(Provider.TMDB, List.of(new RateLimitWindow(40, Duration.ofSeconds(1), 10)), Duration.ofMillis(50));

        assertThat(prometheus.scrape())
                .contains("trackgeek_provider_budget_capacity{provider=\"tmdb\"} 28.57")
                .contains("trackgeek_provider_budget_tokens_total{lane=\"bulk\",provider=\"tmdb\"} 0");
    }

    @Test
    void aSaturatedBudgetHandsOutTokensAtItsCapacity() throws InterruptedException {
        var clock = new ProviderRateLimiterTest.SimulatedClock();
        var windows = List.of(new RateLimitWindow(10, Duration.ofSeconds(1), 4), RateLimitWindow.of(300, Duration.ofMinutes(1)));
        var limiter = ProviderBudgets.inProcess(BudgetSettings.defaults(), registry)
                .limiter(Provider.TMDB, windows, Duration.ZERO, clock, clock);

        long taken = 0;
        while (clock.currentTimeNanos() < Duration.ofMinutes(10).toNanos()) {
            limiter.acquire(WorkLane.INTERACTIVE);
            taken++;
        }

        double capacity = registry.get("trackgeek.provider.budget.capacity").tag("provider", "tmdb").gauge().value();
        assertThat(taken / 600.0).as("tokens a second over ten saturated minutes").isCloseTo(capacity, within(capacity * 0.01));
    }

    @Test
    void bothLanesTokensAreCountedFromZeroBeforeAnyRequest() {
        ProviderBudgets.inProcess(BudgetSettings.defaults(), registry)
                .limiter(Provider.IGDB, List.of(RateLimitWindow.of(4, Duration.ofSeconds(1))), Duration.ofMillis(50));

        for (String lane : List.of("interactive", "bulk")) {
            assertThat(registry.get("trackgeek.provider.budget.tokens").tag("provider", "igdb").tag("lane", lane).counter().count())
                    .as(lane).isZero();
        }
    }
}
