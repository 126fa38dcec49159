package com.trackgeek.api.quota;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * The clients' token buckets, in PostgreSQL so that every api replica draws on the same one (Bucket4j's PostgreSQL
 * backend: a {@code SELECT ... FOR UPDATE} of the bucket's row per request, no server beyond the database). They
 * share the table of the sync worker's provider budgets ({@code provider_budget}, V8) under ids of their own,
 * {@code quota/<SHA-256>}, which no provider's id starts with.
 *
 * <p>Each row expires once its bucket would be full again (plus {@link #KEEP_AFTER_REFILL}): a full bucket is what
 * a client without a row gets, so deleting it ({@link #removeExpired}) forgets nothing. The worker's rows have no
 * expiry and are never deleted by it.
 */
@Component
final class QuotaBuckets {

    static final String PREFIX = "quota/";
    private static final Duration KEEP_AFTER_REFILL = Duration.ofMinutes(1);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    QuotaBuckets(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("provider_budget")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
                .build();
    }

    /** Takes a token from the bucket {@code id} ({@code requests} per {@code period}, created full if missing). */
    ConsumptionProbe tryTake(String id, int requests, Duration period) {
        return buckets.builder()
                .build(id, () -> BucketConfiguration.builder()
                        .addLimit(limit -> limit.capacity(requests).refillGreedy(requests, period))
                        .build())
                .tryConsumeAndReturnRemaining(1);
    }

    /** Deletes up to {@code batch} expired buckets; returns how many. */
    int removeExpired(int batch) {
        return buckets.removeExpired(batch);
    }
}
