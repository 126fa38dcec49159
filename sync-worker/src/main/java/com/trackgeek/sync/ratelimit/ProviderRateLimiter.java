package com.trackgeek.sync.ratelimit;

import com.trackgeek.contracts.Provider;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets a caller send one request to a provider only when every one of the provider's windows allows it,
 * blocking until then, with people first. Bucket4j holds one bandwidth per window; in production the bucket
 * lives in PostgreSQL and every replica draws on it (see {@link ProviderBudgets}).
 *
 * <p>Priority acts where tokens are taken, by how each lane (see {@link WorkLane}) asks:
 * <ul>
 *   <li>Interactive work <em>reserves</em> its token: one remote command books the next free token (the
 *   bucket goes into debt) and the caller parks until that moment. A waiting interactive caller thus holds
 *   its place in the shared bucket itself, visible to every replica.</li>
 *   <li>Bulk work first reserves a token of its own bucket, its {@code bulk-share} of each window, and then
 *   only <em>tries</em> the provider's bucket: it takes a token only if one is free now, never books one.
 *   While any interactive caller on any replica waits, the bucket is in debt until that caller's turn, so
 *   bulk takes nothing; it parks for the wait the bucket reports (at most {@code max-park}) and tries again.
 *   And however much bulk work there is, the part of every window beyond its share stays free for people.</li>
 * </ul>
 * A replica that dies while its interactive caller waits leaves a debt that time repays: no lease to expire.
 *
 * <p>Fails closed: if the bucket's store cannot be reached, no token is granted and so no provider request
 * leaves; the caller retries with backoff and goes on when the store answers, or gives up with
 * {@link BudgetUnavailable} after {@code store-outage-wait}. An outage is logged once when it starts and
 * once when it ends, not per call.
 */
public final class ProviderRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(ProviderRateLimiter.class);
    private static final long FIRST_STORE_RETRY_NANOS = Duration.ofMillis(100).toNanos();
    private static final long SHORTEST_PARK_NANOS = 1_000;
    private static final Duration RESERVATION_LIMIT = Duration.ofMinutes(5);

    /** The budget cannot be checked (its store is unreachable): no request was sent. */
    public static final class BudgetUnavailable extends RuntimeException {
        BudgetUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Provider provider;
    private final Bucket budget;
    private final Bucket bulkShare;
    private final Runnable reconcile;
    private final BudgetSettings settings;
    private final TimeMeter clock;
    private final BlockingStrategy parking;
    private final MeterRegistry registry;
    private final Counter bulkDeferrals;
    private final Counter outages;
    private final AtomicBoolean storeDown = new AtomicBoolean();
    private volatile boolean reconciled;

    ProviderRateLimiter(Provider provider, Bucket budget, Bucket bulkShare, Runnable reconcile,
                        BudgetSettings settings, TimeMeter clock, BlockingStrategy parking,
                        MeterRegistry registry) {
        this.provider = provider;
        this.budget = budget;
        this.bulkShare = bulkShare;
        this.reconcile = reconcile;
        this.settings = settings;
        this.clock = clock;
        this.parking = parking;
        this.registry = registry;
        this.bulkDeferrals = Counter.builder("trackgeek.provider.budget.bulk.deferrals")
                .description("Times bulk work found no token free (people waiting, or the budget spent) and stepped back")
                .tag("provider", budgetKey(provider))
                .register(registry);
        this.outages = Counter.builder("trackgeek.provider.budget.store.outages")
                .description("Times the shared budget's store became unreachable (no requests sent meanwhile)")
                .tag("provider", budgetKey(provider))
                .register(registry);
        Gauge.builder("trackgeek.provider.budget.store.unreachable", storeDown, down -> down.get() ? 1 : 0)
                .description("1 while the shared budget's store cannot be reached and the provider is not called")
                .tag("provider", budgetKey(provider))
                .register(registry);
        // Both lanes at zero from the start: the share of budget used per lane has a series before a lane's first token.
        for (WorkLane lane : WorkLane.values()) {
            tokens(lane);
        }
    }

    /**
     * A budget of this process alone, on the system clock, with no share held back from bulk work: for tests
     * of one provider that need none of the shared budget's machinery.
     */
    public static ProviderRateLimiter of(Provider provider, List<RateLimitWindow> windows, Duration jitterAllowance,
                                         MeterRegistry registry) {
        return of(provider, windows, jitterAllowance, BudgetSettings.defaults().withBulkShare(1.0), registry,
                TimeMeter.SYSTEM_NANOTIME, BlockingStrategy.PARKING);
    }

    /** With a clock and a way of waiting of the caller's choice: lets a test run hours of traffic in milliseconds. */
    static ProviderRateLimiter of(Provider provider, List<RateLimitWindow> windows, Duration jitterAllowance,
                                  BudgetSettings settings, MeterRegistry registry, TimeMeter clock,
                                  BlockingStrategy parking) {
        return new ProviderRateLimiter(provider,
                localBucket(configuration(provider, windows, jitterAllowance, 1.0), clock),
                localBucket(configuration(provider, windows, jitterAllowance, settings.bulkShare()), clock),
                () -> { }, settings, clock, parking, registry);
    }

    private static Bucket localBucket(BucketConfiguration configuration, TimeMeter clock) {
        var builder = Bucket.builder().withCustomTimePrecision(clock);
        for (var bandwidth : configuration.getBandwidths()) {
            builder.addLimit(bandwidth);
        }
        return builder.build();
    }

    static String budgetKey(Provider provider) {
        return provider.name().toLowerCase(Locale.ROOT);
    }

    /**
     * One bandwidth per window, scaled to {@code share} of it: capacity (the burst) and refill both shrink,
     * never below one token.
     */
    static BucketConfiguration configuration(Provider provider, List<RateLimitWindow> windows, Duration jitterAllowance,
                                             double share) {
        if (windows.isEmpty()) {
            throw new IllegalArgumentException(provider + " needs at least one rate limit window");
        }
        var builder = BucketConfiguration.builder();
        for (RateLimitWindow window : windows) {
            long capacity = Math.max(1, (long) Math.floor(window.burst() * share + 1e-9));
            long refill = Math.max(1, (long) Math.floor(window.requests() * share + 1e-9) - capacity);
            builder.addLimit(limit -> limit.capacity(capacity).refillGreedy(refill, window.refillPeriod(jitterAllowance)));
        }
        return builder.build();
    }

    /** Blocks until one request of the current thread's {@link WorkLane} may be sent. */
    public void acquire() throws InterruptedException {
        acquire(WorkLane.current());
    }

    void acquire(WorkLane lane) throws InterruptedException {
        long started = clock.currentTimeNanos();
        var attempt = new Attempt();
        long storeRetry = FIRST_STORE_RETRY_NANOS;
        long unreachableSince = -1;
        try {
            while (true) {
                long pause;
                try {
                    pause = tryOnce(lane, attempt);
                    storeAnswered();
                    storeRetry = FIRST_STORE_RETRY_NANOS;
                    unreachableSince = -1;
                } catch (RuntimeException unreachable) {
                    long now = clock.currentTimeNanos();
                    unreachableSince = unreachableSince < 0 ? now : unreachableSince;
                    storeFailed(unreachable);
                    if (now - unreachableSince >= settings.storeOutageWait().toNanos()) {
                        throw new BudgetUnavailable(provider + "'s rate-limit budget could not be checked for "
                                + settings.storeOutageWait() + "; no request was sent", unreachable);
                    }
                    parking.park(storeRetry);
                    storeRetry = Math.min(storeRetry * 2, settings.storeRetryMax().toNanos());
                    continue;
                }
                if (pause == 0) {
                    tokens(lane).increment();
                    return;
                }
                parking.park(Math.max(SHORTEST_PARK_NANOS, Math.min(pause, settings.maxPark().toNanos())));
            }
        } finally {
            waits(lane).record(clock.currentTimeNanos() - started, TimeUnit.NANOSECONDS);
        }
    }

    // Per lane, registered on first use (Micrometer keeps them): a lane that never ran shows no wait series.
    private Timer waits(WorkLane lane) {
        return Timer.builder("trackgeek.provider.ratelimit.wait")
                .description("Time a provider request waited for a token of the provider's budget")
                .tag("provider", budgetKey(provider))
                .tag("lane", lane.tag())
                .publishPercentileHistogram()
                .register(registry);
    }

    private Counter tokens(WorkLane lane) {
        return Counter.builder("trackgeek.provider.budget.tokens")
                .description("Tokens taken from the provider's budget (one per request sent)")
                .tag("provider", budgetKey(provider))
                .tag("lane", lane.tag())
                .register(registry);
    }

    /** What one caller holds across its re-checks. */
    private static final class Attempt {
        boolean bulkShareTaken;
    }

    /** Takes the token if it may (parking for a reserved one); else returns how long to wait before asking again. */
    private long tryOnce(WorkLane lane, Attempt attempt) throws InterruptedException {
        if (!reconciled) {
            reconcile.run();
            reconciled = true;
        }
        if (lane == WorkLane.INTERACTIVE) {
            // Books the next free token and parks until it is due; only a wait beyond RESERVATION_LIMIT (a
            // debt nobody should have) is not booked, and asked for again later.
            return budget.asBlocking().tryConsume(1, RESERVATION_LIMIT, parking) ? 0 : notYet(settings.maxPark().toNanos());
        }
        if (!attempt.bulkShareTaken) {
            attempt.bulkShareTaken = bulkShare.asBlocking().tryConsume(1, RESERVATION_LIMIT, parking);
            if (!attempt.bulkShareTaken) {
                return notYet(settings.maxPark().toNanos());
            }
        }
        ConsumptionProbe probe = budget.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        bulkDeferrals.increment();
        return notYet(probe.getNanosToWaitForRefill());
    }

    /** A pause before the next try: never 0, which means "granted". */
    private static long notYet(long nanos) {
        return Math.max(SHORTEST_PARK_NANOS, nanos);
    }

    private void storeFailed(RuntimeException failure) {
        if (storeDown.compareAndSet(false, true)) {
            outages.increment();
            log.warn("{}'s shared rate-limit budget cannot be reached ({}): no {} request is sent until it answers",
                    provider, failure.getClass().getSimpleName(), provider);
        }
    }

    private void storeAnswered() {
        if (storeDown.compareAndSet(true, false)) {
            log.info("{}'s shared rate-limit budget answers again: {} requests resume", provider, provider);
        }
    }
}
