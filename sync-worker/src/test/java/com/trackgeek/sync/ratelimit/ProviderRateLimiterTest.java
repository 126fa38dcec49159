package com.trackgeek.sync.ratelimit;

import com.trackgeek.contracts.Provider;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs the limiter on a simulated clock: waiting advances the clock instead of sleeping, so each test
 * sends thousands of requests "over minutes" and checks every sliding window exactly. The budget is the
 * in-process one; the rules (windows, people first, fail closed) are the same on the shared one.
 */
class ProviderRateLimiterTest {

    private static final Duration JITTER = Duration.ofMillis(50);

    private final SimulatedClock clock = new SimulatedClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BudgetSettings settings = BudgetSettings.defaults();

    @Test
    void jikansTwoWindowsHoldInEverySlidingWindowOverTenMinutesOfSaturation() throws Exception {
        var windows = List.of(RateLimitWindow.of(3, Duration.ofSeconds(1)),
                new RateLimitWindow(60, Duration.ofMinutes(1), 6));

        List<Long> sent = saturate(limiter(windows), WorkLane.INTERACTIVE, Duration.ofMinutes(10));

        assertThat(SlidingWindows.maxInAnyWindow(sent, Duration.ofSeconds(1))).isLessThanOrEqualTo(3);
        assertThat(SlidingWindows.maxInAnyWindow(sent, Duration.ofMinutes(1))).isLessThanOrEqualTo(60);
        // Close to the allowed 60/min in the long run, not far below it.
        assertThat(sent.size()).as("requests in 10 minutes").isGreaterThanOrEqualTo(540);
    }

    @Test
    void aBurstGoesOutAtOnceAndTheRestIsSpread() throws Exception {
        var limiter = limiter(List.of(new RateLimitWindow(10, Duration.ofSeconds(1), 4)));

        List<Long> sent = saturate(limiter, WorkLane.INTERACTIVE, Duration.ofSeconds(1));

        assertThat(sent.subList(0, 4)).allMatch(at -> at == 0L);
        assertThat(sent.get(4)).isGreaterThan(0L);
        assertThat(SlidingWindows.maxInAnyWindow(sent, Duration.ofSeconds(1))).isLessThanOrEqualTo(10);
    }

    @Test
    void stillWithinTheLimitWhenRequestsArriveUpToTheJitterAllowanceLate() throws Exception {
        var windows = List.of(RateLimitWindow.of(40, Duration.ofSeconds(1)), RateLimitWindow.of(400, Duration.ofSeconds(10)));
        List<Long> sent = saturate(limiter(windows), WorkLane.INTERACTIVE, Duration.ofSeconds(30));

        // Every other request reaches the provider as late as the allowance permits.
        List<Long> arrived = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            arrived.add(sent.get(i) + (i % 2 == 0 ? JITTER.toNanos() : 0));
        }
        arrived.sort(Long::compare);

        assertThat(SlidingWindows.maxInAnyWindow(arrived, Duration.ofSeconds(1))).isLessThanOrEqualTo(40);
        assertThat(SlidingWindows.maxInAnyWindow(arrived, Duration.ofSeconds(10))).isLessThanOrEqualTo(400);
    }

    @Test
    void aWindowMustLeaveRoomBeyondItsBurst() {
        assertThatThrownBy(() -> new RateLimitWindow(3, Duration.ofSeconds(1), 3)).hasMessageContaining("burst");
        assertThatThrownBy(() -> RateLimitWindow.of(1, Duration.ofSeconds(1))).hasMessageContaining("at least 2");
    }

    @Test
    void bulkWorkIsHeldToItsShareOfEveryWindow() throws Exception {
        var windows = List.of(RateLimitWindow.of(3, Duration.ofSeconds(1)), new RateLimitWindow(60, Duration.ofMinutes(1), 6));
        var limiter = limiter(windows, settings.withBulkShare(0.5));

        List<Long> sent = saturate(limiter, WorkLane.BULK, Duration.ofMinutes(10));

        assertThat(SlidingWindows.maxInAnyWindow(sent, Duration.ofMinutes(1))).isLessThanOrEqualTo(30);
        assertThat(SlidingWindows.maxInAnyWindow(sent, Duration.ofSeconds(1))).isLessThanOrEqualTo(1);
        assertThat(sent.size()).as("bulk requests in 10 minutes").isGreaterThanOrEqualTo(250);
    }

    @Test
    void anInteractiveRequestFindsATokenFreeWhileBulkWorkSaturatesTheProvider() throws Exception {
        var limiter = limiter(List.of(new RateLimitWindow(10, Duration.ofSeconds(1), 4)), settings.withBulkShare(0.5));
        saturate(limiter, WorkLane.BULK, Duration.ofMinutes(1));
        long saturatedAt = clock.now;

        limiter.acquire(WorkLane.INTERACTIVE);
        limiter.acquire(WorkLane.INTERACTIVE);

        assertThat(clock.now).as("the interactive requests waited for nothing").isEqualTo(saturatedAt);
    }

    @Test
    void interactiveWorkMayUseTheWholeBudget() throws Exception {
        var limiter = limiter(List.of(new RateLimitWindow(10, Duration.ofSeconds(1), 4)), settings.withBulkShare(0.5));

        List<Long> sent = saturate(limiter, WorkLane.INTERACTIVE, Duration.ofMinutes(1));

        // All ten but the fraction the jitter allowance holds back; bulk at half the budget gets at most five.
        assertThat(SlidingWindows.maxInAnyWindow(sent, Duration.ofSeconds(1))).isBetween(9, 10);
    }

    @Test
    void anInteractiveRequestGetsTheNextTokenBeforeBulkWorkThatWasWaitingForIt() throws Exception {
        var limiter = limiter(List.of(new RateLimitWindow(10, Duration.ofSeconds(1), 4)), settings);
        saturate(limiter, WorkLane.INTERACTIVE, Duration.ofSeconds(5)); // the budget is spent: callers wait
        long[] interactiveGranted = new long[1];
        clock.onPark = () -> {
            // While bulk work waits for a token, a person's request comes in.
            clock.onPark = () -> { };
            try {
                limiter.acquire(WorkLane.INTERACTIVE);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            interactiveGranted[0] = clock.now;
        };

        limiter.acquire(WorkLane.BULK);

        assertThat(interactiveGranted[0]).as("the interactive request was served").isPositive();
        assertThat(clock.now).as("bulk got its token only after the interactive request").isGreaterThan(interactiveGranted[0]);
        assertThat(registry.get("trackgeek.provider.budget.bulk.deferrals").counter().count()).isPositive();
        assertThat(registry.get("trackgeek.provider.budget.tokens").tag("lane", "bulk").counter().count()).isEqualTo(1);
    }

    @Test
    void withTheBudgetUnreachableNoTokenIsGrantedUntilItAnswersAgain() throws Exception {
        var store = new Store();
        var limiter = limiter(List.of(new RateLimitWindow(10, Duration.ofSeconds(1), 4)), settings, store);
        store.down = true;
        long backAt = Duration.ofSeconds(20).toNanos();
        clock.onPark = () -> store.down = clock.now < backAt;

        limiter.acquire(WorkLane.INTERACTIVE);

        assertThat(clock.now).as("granted only once the store answered").isGreaterThanOrEqualTo(backAt);
        assertThat(registry.get("trackgeek.provider.budget.store.outages").counter().count()).isEqualTo(1);
        assertThat(registry.get("trackgeek.provider.budget.store.unreachable").gauge().value()).isZero();
    }

    @Test
    void aRequestGivesUpWhenTheBudgetStaysUnreachableLongerThanTheOutageWait() {
        var store = new Store();
        var limiter = limiter(List.of(new RateLimitWindow(10, Duration.ofSeconds(1), 4)),
                settings.withStoreOutageWait(Duration.ofSeconds(30)), store);
        store.down = true;

        assertThatThrownBy(() -> limiter.acquire(WorkLane.BULK))
                .isInstanceOf(ProviderRateLimiter.BudgetUnavailable.class)
                .hasMessageContaining("no request was sent");
        assertThat(clock.now).isGreaterThanOrEqualTo(Duration.ofSeconds(30).toNanos());
        assertThat(registry.get("trackgeek.provider.budget.store.unreachable").gauge().value()).isEqualTo(1);
        assertThat(registry.find("trackgeek.provider.budget.tokens").counters()).as("no token granted on either lane")
                .isNotEmpty().allMatch(tokens -> tokens.count() == 0);
    }

    private ProviderRateLimiter limiter(List<RateLimitWindow> windows) {
        return limiter(windows, settings.withBulkShare(1.0));
    }

    private ProviderRateLimiter limiter(List<RateLimitWindow> windows, BudgetSettings settings) {
        return limiter(windows, settings, new Store());
    }

    private ProviderRateLimiter limiter(List<RateLimitWindow> windows, BudgetSettings settings, Store store) {
        var whole = ProviderRateLimiter.configuration(Provider.JIKAN, windows, JITTER, 1.0);
        var bulk = ProviderRateLimiter.configuration(Provider.JIKAN, windows, JITTER, settings.bulkShare());
        return new ProviderRateLimiter(Provider.JIKAN, store.keep(bucket(whole)), store.keep(bucket(bulk)),
                () -> { }, settings, clock, clock, registry);
    }

    private Bucket bucket(BucketConfiguration configuration) {
        var builder = Bucket.builder().withCustomTimePrecision(clock);
        for (var bandwidth : configuration.getBandwidths()) {
            builder.addLimit(bandwidth);
        }
        return builder.build();
    }

    /** Requests back to back for {@code duration} of simulated time; returns when each was let through. */
    private List<Long> saturate(ProviderRateLimiter limiter, WorkLane lane, Duration duration) throws InterruptedException {
        List<Long> sent = new ArrayList<>();
        long until = clock.now + duration.toNanos();
        while (true) {
            limiter.acquire(lane);
            if (clock.now > until) {
                return sent;
            }
            sent.add(clock.now);
        }
    }

    /** Where the buckets are kept: while {@code down}, every use of a bucket fails as an unreachable database would. */
    private static final class Store {
        volatile boolean down;

        Bucket keep(Bucket bucket) {
            return (Bucket) Proxy.newProxyInstance(Bucket.class.getClassLoader(), new Class<?>[]{Bucket.class},
                    (proxy, method, arguments) -> {
                        if (down) {
                            throw new IllegalStateException("connection refused");
                        }
                        try {
                            return method.invoke(bucket, arguments);
                        } catch (InvocationTargetException failure) {
                            throw failure.getCause();
                        }
                    });
        }
    }

    static final class SimulatedClock implements TimeMeter, BlockingStrategy {
        long now;
        Runnable onPark = () -> { };

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
            onPark.run();
        }
    }
}
