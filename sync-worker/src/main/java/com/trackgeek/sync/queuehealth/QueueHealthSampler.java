package com.trackgeek.sync.queuehealth;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Computes the queue-health gauges that need a database query (items by type and sync status, waiting sync
 * requests and the oldest one's age per lane, bulk jobs by state, their items' progress and the longest idle one)
 * every {@code interval}, on ONE sync-worker instance: the holder of the {@code queue-health-metrics} lease. Every
 * replica asking PostgreSQL on every scrape would multiply the load by replicas and scrapers, and the series would be
 * exported several times over.
 *
 * <p>Each run first takes or renews the lease; the holder then runs the queries and exports the results. An instance
 * that does not hold the lease (another does, or the database cannot be reached) exports none of these series: it
 * cannot vouch for them. So exactly one instance exports them, and when it dies, stalls or shuts down, another takes
 * over once its lease has expired (at most {@code lease} later). The lease is not given up at shutdown on purpose: a
 * shutdown must not wait for a database that may be gone, and a gap of one lease in these gauges is harmless.
 */
final class QueueHealthSampler {

    static final String LEASE = "queue-health-metrics";

    private static final Logger log = LoggerFactory.getLogger(QueueHealthSampler.class);

    private final QueueHealthRows rows;
    private final ScheduledLease lease;
    private final Clock clock;
    private final boolean enabled;
    private final SampledSeries items;
    private final SampledSeries waiting;
    private final SampledSeries oldestAge;
    private final SampledSeries bulkJobs;
    private final SampledSeries bulkJobItems;
    private final SampledSeries bulkJobsIdleMax;
    private volatile boolean failing;

    QueueHealthSampler(QueueHealthRows rows, ScheduledLease lease, Clock clock, boolean enabled, MeterRegistry registry) {
        this.rows = rows;
        this.lease = lease;
        this.clock = clock;
        this.enabled = enabled;
        this.items = SampledSeries.register(registry, "trackgeek.items", null,
                "Items by media type and sync status (fresh, stale, syncing, pending_embeddings, failed, gone)");
        this.waiting = SampledSeries.register(registry, "trackgeek.sync.requests.waiting", null,
                "Sync requests queued or running, per lane");
        this.oldestAge = SampledSeries.register(registry, "trackgeek.sync.requests.oldest.age", "seconds",
                "Age of the oldest sync request queued or running, per lane; 0 when none");
        this.bulkJobs = SampledSeries.register(registry, "trackgeek.bulk.jobs", null, "Bulk jobs by state");
        this.bulkJobItems = SampledSeries.register(registry, "trackgeek.bulk.jobs.items", null,
                "Items of unfinished bulk jobs: done (with an outcome) or pending");
        this.bulkJobsIdleMax = SampledSeries.register(registry, "trackgeek.bulk.jobs.idle.max", "seconds",
                "Longest time an unfinished bulk job has gone without progress; 0 when none");
    }

    @Scheduled(fixedDelayString = "${trackgeek.sync.queue-health.interval:15s}")
    void scheduled() {
        if (enabled) {
            sample();
        }
    }

    /**
     * One run.
     *
     * @return true when this instance holds the lease and exported the series
     */
    boolean sample() {
        try {
            Instant now = clock.instant();
            if (!lease.claim(now)) {
                withdraw();
                return false;
            }
            var waitingNow = rows.waiting(now);
            Map<Tags, Double> itemsNow = rows.items(now);
            Map<Tags, Double> jobsNow = rows.bulkJobs();
            Map<Tags, Double> jobItemsNow = rows.bulkJobItems();
            double idleNow = rows.bulkJobsIdleMaxSeconds(now);
            items.publish(itemsNow);
            waiting.publish(waitingNow.requests());
            oldestAge.publish(waitingNow.oldestAgeSeconds());
            bulkJobs.publish(jobsNow);
            bulkJobItems.publish(jobItemsNow);
            bulkJobsIdleMax.publish(Map.of(Tags.empty(), idleNow));
            if (failing) {
                failing = false;
                log.info("Queue-health metrics are computed again (lease holder {})", lease.holder());
            }
            return true;
        } catch (RuntimeException failure) {
            // The database is away: stop exporting figures nobody can vouch for; the next run tries again.
            withdraw();
            if (!failing) {
                failing = true;
                log.warn("Queue-health metrics cannot be computed, their series are withdrawn until they can: {}",
                        failure.toString());
            }
            return false;
        }
    }

    private void withdraw() {
        for (SampledSeries series : List.of(items, waiting, oldestAge, bulkJobs, bulkJobItems, bulkJobsIdleMax)) {
            series.withdraw();
        }
    }
}
