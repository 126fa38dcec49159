package com.trackgeek.sync.ratelimit;

import com.trackgeek.contracts.Provider;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every provider's budget, kept in PostgreSQL so that all worker replicas draw on one bucket per provider
 * (Bucket4j's PostgreSQL backend, a {@code SELECT ... FOR UPDATE} on the {@code provider_budget} row per
 * token; no server beyond the database the worker already uses).
 *
 * <p>The stored bucket is the one budget; a replica's configured limits only describe it. When a replica
 * finds the stored configuration differs from its own (limits changed and redeployed), it replaces the
 * stored one, keeping the tokens left ({@link TokensInheritanceStrategy#AS_IS}, capped at the new capacity),
 * and logs it: the replica started last sets the limits for all, and the budget is never split in two. A
 * rolling deployment therefore switches every replica to the new limits as soon as the first new replica
 * takes a token.
 *
 * <p>Bucket4j computes refills with each replica's own clock: replicas' clocks must be kept in sync (NTP).
 */
public final class ProviderBudgets {

    private static final Logger log = LoggerFactory.getLogger(ProviderBudgets.class);

    private final String namespace;
    private final ProxyManager<String> buckets;
    private final BudgetSettings settings;
    private final MeterRegistry registry;

    private ProviderBudgets(String namespace, ProxyManager<String> buckets, BudgetSettings settings, MeterRegistry registry) {
        this.namespace = namespace;
        this.buckets = buckets;
        this.settings = settings;
        this.registry = registry;
    }

    /**
     * Budgets every replica on {@code dataSource} shares.
     *
     * @param namespace prefixes every budget's key: empty for the worker; a test that must not share the
     *                  worker's budgets on the same database gives its own
     */
    public static ProviderBudgets inPostgres(String namespace, DataSource dataSource, BudgetSettings settings,
                                             MeterRegistry registry) {
        ProxyManager<String> buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("provider_budget")
                .build();
        return new ProviderBudgets(namespace, buckets, settings, registry);
    }

    /** Budgets of this process alone, in memory: for tests of one provider. */
    public static ProviderBudgets inProcess(BudgetSettings settings, MeterRegistry registry) {
        return new ProviderBudgets("", null, settings, registry);
    }

    /** The limiter of {@code provider}: its windows, each stretched by {@code jitterAllowance}. */
    public ProviderRateLimiter limiter(Provider provider, List<RateLimitWindow> windows, Duration jitterAllowance) {
        return limiter(provider, windows, jitterAllowance, TimeMeter.SYSTEM_NANOTIME, BlockingStrategy.PARKING);
    }

    ProviderRateLimiter limiter(Provider provider, List<RateLimitWindow> windows, Duration jitterAllowance,
                                TimeMeter clock, BlockingStrategy parking) {
        double capacity = RateLimitWindow.sustainedRate(windows, jitterAllowance);
        Gauge.builder("trackgeek.provider.budget.capacity", () -> capacity)
                .description("Requests per second the provider's budget allows in the long run (its tightest window)")
                .tag("provider", ProviderRateLimiter.budgetKey(provider))
                .register(registry);
        if (buckets == null) {
            return ProviderRateLimiter.of(provider, windows, jitterAllowance, settings, registry, clock, parking);
        }
        String key = namespace + ProviderRateLimiter.budgetKey(provider);
        String bulkKey = key + "/bulk";
        BucketConfiguration whole = ProviderRateLimiter.configuration(provider, windows, jitterAllowance, 1.0);
        BucketConfiguration bulk = ProviderRateLimiter.configuration(provider, windows, jitterAllowance,
                settings.bulkShare());
        BucketProxy budget = buckets.builder().build(key, () -> whole);
        BucketProxy bulkShare = buckets.builder().build(bulkKey, () -> bulk);
        Runnable reconcile = () -> {
            reconcile(key, budget, whole);
            reconcile(bulkKey, bulkShare, bulk);
        };
        return new ProviderRateLimiter(provider, budget, bulkShare, reconcile, settings, clock, parking,
                registry);
    }

    private void reconcile(String key, BucketProxy bucket, BucketConfiguration wanted) {
        Optional<BucketConfiguration> stored = buckets.getProxyConfiguration(key);
        if (stored.isPresent() && !stored.get().equals(wanted)) {
            log.warn("The shared rate-limit budget '{}' was configured as {}; this replica's limits {} replace it "
                    + "for every replica", key, stored.get(), wanted);
            bucket.replaceConfiguration(wanted, TokensInheritanceStrategy.AS_IS);
        }
    }
}
