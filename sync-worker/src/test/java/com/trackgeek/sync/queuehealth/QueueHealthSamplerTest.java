package com.trackgeek.sync.queuehealth;

import com.trackgeek.simulator.MutableClock;

import com.trackgeek.testsupport.FreshDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue-health gauges on a database of their own (real PostgreSQL, the schema's migrations), computed at a
 * moment a test sets: every figure from rows the test inserts, and exactly one of several instances exporting them.
 */
class QueueHealthSamplerTest {

    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final AtomicLong NEXT_ID = new AtomicLong();

    private static DataSource dataSource;
    private static JdbcClient jdbc;

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T12:00:00Z"));

    @BeforeAll
    static void database() {
        var database = FreshDatabase.create();
        Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password()).load().migrate();
        dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password());
        jdbc = JdbcClient.create(dataSource);
    }

    @BeforeEach
    void emptyTables() {
        jdbc.sql("truncate sync_state, sync_request, bulk_job, bulk_job_item, scheduled_lease").update();
    }

    @Test
    void itemsAreCountedByTypeAndStatusAsReadersSeeThemEveryCombinationIncluded() {
        syncState("ANIME", 1, "fresh", ago(Duration.ofDays(-3)), false);
        syncState("ANIME", 2, "fresh", ago(Duration.ofDays(-1)), false);
        syncState("ANIME", 3, "fresh", ago(Duration.ofSeconds(1)), false);
        syncState("ANIME", 4, "stale", ago(Duration.ofDays(1)), false);
        syncState("ANIME", 5, "fresh", null, false);
        syncState("MANGA", 1, "syncing", null, false);
        syncState("MANGA", 2, "pending_embeddings", ago(Duration.ofDays(-30)), false);
        syncState("GAME", 1, "failed", null, false);
        syncState("TV_SHOW", 1, "gone", ago(Duration.ofDays(-30)), true);
        syncState("BOOK", 1, "failed", ago(Duration.ofDays(-1)), true);
        var registry = new SimpleMeterRegistry();

        assertThat(sampler("one", registry).sample()).isTrue();

        assertThat(items(registry, "ANIME", "fresh")).as("due later, or not computed yet (as for the API)").isEqualTo(3);
        assertThat(items(registry, "ANIME", "stale")).as("fresh but past stale_after, and marked stale").isEqualTo(2);
        assertThat(items(registry, "MANGA", "syncing")).isEqualTo(1);
        assertThat(items(registry, "MANGA", "pending_embeddings")).isEqualTo(1);
        assertThat(items(registry, "GAME", "failed")).isEqualTo(1);
        assertThat(items(registry, "TV_SHOW", "gone")).isEqualTo(1);
        assertThat(items(registry, "BOOK", "gone")).as("a failed re-check of a gone item is still gone").isEqualTo(1);
        assertThat(items(registry, "BOOK", "failed")).isZero();
        assertThat(items(registry, "MOVIE", "fresh")).as("zeros are exported too").isZero();
        assertThat(registry.find("trackgeek.items").gauges()).as("6 types x 6 statuses").hasSize(36);
    }

    @Test
    void waitingRequestsAndTheOldestOnesAgeAreCountedPerLane() {
        request("INTERACTIVE", "queued", ago(Duration.ofSeconds(30)));
        request("INTERACTIVE", "running", ago(Duration.ofSeconds(90)));
        request("INTERACTIVE", "done", ago(Duration.ofHours(1)));
        request("BULK", "failed", ago(Duration.ofHours(2)));
        var registry = new SimpleMeterRegistry();
        var sampler = sampler("one", registry);

        sampler.sample();

        assertThat(gauge(registry, "trackgeek.sync.requests.waiting", "lane", "interactive")).isEqualTo(2);
        assertThat(gauge(registry, "trackgeek.sync.requests.oldest.age", "lane", "interactive")).isEqualTo(90);
        assertThat(gauge(registry, "trackgeek.sync.requests.waiting", "lane", "bulk")).isZero();
        assertThat(gauge(registry, "trackgeek.sync.requests.oldest.age", "lane", "bulk")).as("none waiting").isZero();
        assertThat(registry.get("trackgeek.sync.requests.oldest.age").gauge().getId().getBaseUnit()).isEqualTo("seconds");

        request("BULK", "queued", ago(Duration.ofSeconds(5)));
        clock.advance(Duration.ofSeconds(10));
        sampler.sample();

        assertThat(gauge(registry, "trackgeek.sync.requests.oldest.age", "lane", "interactive")).isEqualTo(100);
        assertThat(gauge(registry, "trackgeek.sync.requests.waiting", "lane", "bulk")).isEqualTo(1);
        assertThat(gauge(registry, "trackgeek.sync.requests.oldest.age", "lane", "bulk")).isEqualTo(15);
    }

    @Test
    void bulkJobsAreCountedByStateWithTheProgressOfTheUnfinishedOnes() {
        UUID running = job("running", ago(Duration.ofHours(1)), ago(Duration.ofSeconds(300)));
        jobItems(running, ago(Duration.ofSeconds(400)), ago(Duration.ofSeconds(200)), null, null);
        UUID expanding = job("expanding", ago(Duration.ofMinutes(5)), ago(Duration.ofSeconds(20)));
        jobItems(expanding, ago(Duration.ofSeconds(60)), null);
        job("queued", ago(Duration.ofSeconds(100)), ago(Duration.ofSeconds(10)));
        UUID done = job("done", ago(Duration.ofDays(2)), ago(Duration.ofDays(1)));
        jobItems(done, ago(Duration.ofDays(1)), ago(Duration.ofDays(1)));
        job("cancelled", ago(Duration.ofDays(2)), ago(Duration.ofDays(2)));
        job("failed", ago(Duration.ofDays(3)), ago(Duration.ofDays(3)));
        job("failed", ago(Duration.ofDays(3)), ago(Duration.ofDays(3)));
        var registry = new SimpleMeterRegistry();
        var sampler = sampler("one", registry);

        sampler.sample();

        assertThat(gauge(registry, "trackgeek.bulk.jobs", "state", "running")).isEqualTo(1);
        assertThat(gauge(registry, "trackgeek.bulk.jobs", "state", "expanding")).isEqualTo(1);
        assertThat(gauge(registry, "trackgeek.bulk.jobs", "state", "queued")).isEqualTo(1);
        assertThat(gauge(registry, "trackgeek.bulk.jobs", "state", "done")).isEqualTo(1);
        assertThat(gauge(registry, "trackgeek.bulk.jobs", "state", "cancelled")).isEqualTo(1);
        assertThat(gauge(registry, "trackgeek.bulk.jobs", "state", "failed")).isEqualTo(2);
        assertThat(gauge(registry, "trackgeek.bulk.jobs.items", "state", "done")).as("of unfinished jobs only").isEqualTo(3);
        assertThat(gauge(registry, "trackgeek.bulk.jobs.items", "state", "pending")).isEqualTo(3);
        assertThat(registry.get("trackgeek.bulk.jobs.idle.max").gauge().value())
                .as("the running job: its last item finished 200 s ago, after its row last changed").isEqualTo(200);

        jdbc.sql("update bulk_job set created_at = :at where status = 'queued'").param("at", utc(ago(Duration.ofSeconds(1_000)))).update();
        sampler.sample();

        assertThat(registry.get("trackgeek.bulk.jobs.idle.max").gauge().value())
                .as("a queued job has made no progress since it was recorded, re-published or not").isEqualTo(1_000);
        assertThat(registry.get("trackgeek.bulk.jobs.idle.max").gauge().getId().getBaseUnit()).isEqualTo("seconds");
    }

    @Test
    void withNoBulkJobsEveryStateIsZeroAndNothingIsIdle() {
        var registry = new SimpleMeterRegistry();

        sampler("one", registry).sample();

        assertThat(registry.find("trackgeek.bulk.jobs").gauges()).hasSize(6).allMatch(gauge -> gauge.value() == 0);
        assertThat(registry.find("trackgeek.bulk.jobs.items").gauges()).hasSize(2).allMatch(gauge -> gauge.value() == 0);
        assertThat(registry.get("trackgeek.bulk.jobs.idle.max").gauge().value()).isZero();
    }

    @Test
    void ofTwoInstancesExactlyOneExportsAndTheOtherTakesOverWhenItsLeaseRunsOut() {
        syncState("ANIME", 1, "fresh", ago(Duration.ofDays(-3)), false);
        var registryOne = new SimpleMeterRegistry();
        var registryTwo = new SimpleMeterRegistry();
        var one = sampler("one", registryOne);
        var two = sampler("two", registryTwo);

        var first = CompletableFuture.supplyAsync(one::sample);
        var second = CompletableFuture.supplyAsync(two::sample);
        assertThat(List.of(first.join(), second.join())).as("both ask at once; one holds").containsExactlyInAnyOrder(true, false);
        var holder = first.join() ? one : two;
        var other = first.join() ? two : one;
        var holderRegistry = first.join() ? registryOne : registryTwo;
        var otherRegistry = first.join() ? registryTwo : registryOne;
        assertThat(exported(holderRegistry)).isEqualTo(6);
        assertThat(exported(otherRegistry)).isZero();

        clock.advance(Duration.ofSeconds(45));
        assertThat(holder.sample()).as("renewed").isTrue();
        clock.advance(Duration.ofSeconds(59));
        assertThat(other.sample()).as("59 s after the renewal: still held").isFalse();
        assertThat(exported(otherRegistry)).isZero();

        // The holder stops renewing (dead, stalled, cut off); once its lease has run out the other takes over.
        clock.advance(Duration.ofSeconds(2));
        assertThat(other.sample()).isTrue();
        assertThat(exported(otherRegistry)).isEqualTo(6);
        assertThat(items(otherRegistry, "ANIME", "fresh")).isEqualTo(1);

        assertThat(holder.sample()).as("the old holder comes back: it lost the lease").isFalse();
        assertThat(exported(holderRegistry)).as("and withdraws its series").isZero();
    }

    @Test
    void prometheusSeesTheNamesTheDashboardQueries() {
        request("INTERACTIVE", "queued", ago(Duration.ofSeconds(30)));
        var prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

        sampler("one", prometheus).sample();

        assertThat(prometheus.scrape())
                .contains("trackgeek_items{status=\"stale\",type=\"TV_SHOW\"} 0")
                .contains("trackgeek_sync_requests_waiting{lane=\"interactive\"} 1")
                .contains("trackgeek_sync_requests_oldest_age_seconds{lane=\"interactive\"} 30")
                .contains("trackgeek_bulk_jobs{state=\"expanding\"} 0")
                .contains("trackgeek_bulk_jobs_items{state=\"pending\"} 0")
                .contains("trackgeek_bulk_jobs_idle_max_seconds 0");
    }

    @Test
    void anInstanceCutOffFromTheDatabaseWithdrawsItsSeriesUntilItIsBack() {
        var database = new SwitchableDataSource(dataSource);
        var cutOffable = JdbcClient.create(database);
        var registry = new SimpleMeterRegistry();
        var sampler = new QueueHealthSampler(new QueueHealthRows(cutOffable),
                new ScheduledLease(cutOffable, QueueHealthSampler.LEASE, "one/" + UUID.randomUUID(), LEASE), clock, true, registry);
        assertThat(sampler.sample()).isTrue();
        assertThat(exported(registry)).isEqualTo(6);

        database.down = true;
        assertThat(sampler.sample()).isFalse();
        assertThat(exported(registry)).as("figures nobody can vouch for are not exported").isZero();

        database.down = false;
        assertThat(sampler.sample()).as("still its lease").isTrue();
        assertThat(exported(registry)).isEqualTo(6);
    }

    // --- instances, rows and readings ---

    private QueueHealthSampler sampler(String instance, MeterRegistry registry) {
        var lease = new ScheduledLease(jdbc, QueueHealthSampler.LEASE, instance + "/" + UUID.randomUUID(), LEASE);
        return new QueueHealthSampler(new QueueHealthRows(jdbc), lease, clock, true, registry);
    }

    private Instant ago(Duration duration) {
        return clock.instant().minus(duration);
    }

    private void syncState(String type, long id, String status, Instant staleAfter, boolean gone) {
        jdbc.sql("""
                        insert into sync_state (media_type, provider_id, status, stale_after, gone_at)
                        values (:type, :id, :status, :staleAfter, :goneAt)
                        """)
                .param("type", type).param("id", id).param("status", status)
                .param("staleAfter", utc(staleAfter))
                .param("goneAt", gone ? utc(ago(Duration.ofDays(1))) : null)
                .update();
    }

    private void request(String lane, String status, Instant createdAt) {
        jdbc.sql("""
                        insert into sync_request (id, media_type, provider_id, kind, lane, status, created_at)
                        values (:id, 'ANIME', :providerId, 'FETCH', :lane, :status, :createdAt)
                        """)
                .param("id", UUID.randomUUID())
                .param("providerId", NEXT_ID.incrementAndGet())
                .param("lane", lane).param("status", status).param("createdAt", utc(createdAt))
                .update();
    }

    private UUID job(String status, Instant createdAt, Instant updatedAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into bulk_job (id, selector, media_type, source, status, requested_at, created_at, updated_at)
                        values (:id, '{}'::jsonb, 'ANIME', 'api', :status, :createdAt, :createdAt, :updatedAt)
                        """)
                .param("id", id).param("status", status)
                .param("createdAt", utc(createdAt)).param("updatedAt", utc(updatedAt))
                .update();
        return id;
    }

    /** One item per value: finished then (outcome stored), or pending (null). */
    private void jobItems(UUID job, Instant... finishedAt) {
        for (int seq = 0; seq < finishedAt.length; seq++) {
            jdbc.sql("""
                            insert into bulk_job_item (job_id, provider_id, page, seq, outcome, finished_at)
                            values (:job, :id, 1, :seq, :outcome, :finishedAt)
                            """)
                    .param("job", job).param("id", seq + 1).param("seq", seq + 1)
                    .param("outcome", finishedAt[seq] == null ? null : "stored")
                    .param("finishedAt", utc(finishedAt[seq]))
                    .update();
        }
    }

    private static double items(MeterRegistry registry, String type, String status) {
        return registry.get("trackgeek.items").tag("type", type).tag("status", status).gauge().value();
    }

    private static double gauge(MeterRegistry registry, String name, String tag, String value) {
        return registry.get(name).tag(tag, value).gauge().value();
    }

    /** How many of the six gauges have series in {@code registry}. */
    private static long exported(MeterRegistry registry) {
        return List.of("trackgeek.items", "trackgeek.sync.requests.waiting", "trackgeek.sync.requests.oldest.age",
                        "trackgeek.bulk.jobs", "trackgeek.bulk.jobs.items", "trackgeek.bulk.jobs.idle.max").stream()
                .filter(name -> !registry.find(name).gauges().isEmpty())
                .count();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** The database, or (while {@code down}) a refused connection, as when PostgreSQL is unreachable. */
    private static final class SwitchableDataSource extends AbstractDataSource {
        private final DataSource database;
        volatile boolean down;

        SwitchableDataSource(DataSource database) {
            this.database = database;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLException("Connection refused", "08001");
            }
            return database.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }
}
