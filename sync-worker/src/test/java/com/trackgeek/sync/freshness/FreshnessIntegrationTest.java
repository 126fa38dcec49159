package com.trackgeek.sync.freshness;

import com.trackgeek.sync.command.AbstractWorkerIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.net.ServerSocket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static com.trackgeek.contracts.MediaType.ANIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Freshness end to end with the real worker, Kafka, PostgreSQL and the provider simulator (Jikan's recorded
 * Fullmetal Alchemist: Brotherhood, finished in 2010): every store sets the item's due time by its rule, refreshes
 * that find nothing new back it off, a provider's 404 makes a held item a tombstone, and the sweeper queues due
 * items on the bulk lane once, whichever replica's sweeper runs.
 */
class FreshnessIntegrationTest extends AbstractWorkerIntegrationTest {

    private static final long FMAB = 5114;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aStoredItemIsDueByItsRuleAndRefreshesThatFindNothingNewBackItOff() {
        long id = stored();

        assertThat(staleAfterIn(id)).as("finished long ago: 30 days").isBetween(days(29), days(31));
        assertThat(unchangedRefreshes(id)).isZero();
        assertThat(jdbc.sql("select last_changed_at is not null from sync_state where media_type = 'ANIME' and provider_id = :id")
                .param("id", id).query(Boolean.class).single()).as("first stored counts as a change").isTrue();

        refresh(id);
        assertThat(unchangedRefreshes(id)).isEqualTo(1);
        assertThat(staleAfterIn(id)).as("backed off to 60 days").isBetween(days(59), days(61));

        refresh(id);
        refresh(id);
        assertThat(unchangedRefreshes(id)).isEqualTo(3);
        assertThat(staleAfterIn(id)).as("capped at 90 days").isBetween(days(89), days(91));
    }

    @Test
    void aHeldItemTheProviderAnswers404ForIsKeptMarkedGoneUntilItAnswersAgain() {
        long id = stored();
        String full = jikanPath(ANIME, id, "full");
        jikan().script().respond(full, 404, "jikan/error-404-anime-not-found.json");
        try {
            UUID first = refresh(id);
            assertThat(requestStatus(first)).isEqualTo("failed");
            assertThat(requestErrorCode(first)).isEqualTo("ANIME_NOT_FOUND");
            assertThat(state(ANIME, id)).isEqualTo("gone");
            assertThat(document(ANIME, id)).as("the data is kept").isPresent();
            assertThat(staleAfterIn(id)).as("re-checked in 30 days, not refreshed by its rule").isBetween(days(29), days(31));
            Instant goneAt = goneAt(id);

            refresh(id);
            assertThat(goneAt(id)).as("gone since the first 404").isEqualTo(goneAt);
        } finally {
            jikan().script().clear(full);
        }

        refresh(id);
        assertThat(state(ANIME, id)).isEqualTo("pending_embeddings");
        assertThat(goneAt(id)).as("alive again").isNull();
    }

    @Test
    void theSweeperQueuesDueItemsOnceOnTheBulkLaneAndLeavesFreshAndGoneOnesAlone() {
        long dueLongAgo = stored();
        long dueJustNow = stored();
        long fresh = stored();
        long gone = stored();
        long goneRecheckDue = stored();
        setState(dueLongAgo, "pending_embeddings", null, ago(Duration.ofDays(3)));
        setState(dueJustNow, "fresh", null, ago(Duration.ofMinutes(1)));
        setState(gone, "gone", ago(Duration.ofDays(1)), ago(Duration.ofDays(-29)));
        setState(goneRecheckDue, "gone", ago(Duration.ofDays(31)), ago(Duration.ofMinutes(1)));

        // Two replicas' sweepers at once; generous limits, so other tests' due items cannot crowd ours out.
        var metricsOne = new SimpleMeterRegistry();
        var metricsTwo = new SimpleMeterRegistry();
        FreshnessSweeper one = replica(100_000, kafka, metricsOne);
        FreshnessSweeper two = replica(100_000, kafka, metricsTwo);
        var first = CompletableFuture.supplyAsync(one::sweep);
        var second = CompletableFuture.supplyAsync(two::sweep);
        int queued = Math.max(first.join(), 0) + Math.max(second.join(), 0);

        assertThat(refreshRequests(dueLongAgo)).isEqualTo(1);
        assertThat(refreshRequests(dueJustNow)).isEqualTo(1);
        assertThat(refreshRequests(goneRecheckDue)).as("its rare re-check is due").isEqualTo(1);
        assertThat(refreshRequests(fresh)).isZero();
        assertThat(refreshRequests(gone)).isZero();
        assertThat(queued).as("ours, and any other test's due items").isGreaterThanOrEqualTo(3);
        assertThat(metricsOne.get("trackgeek.freshness.queued").counter().count()
                + metricsTwo.get("trackgeek.freshness.queued").counter().count()).isEqualTo(queued);
        assertThat(metricsOne.get("trackgeek.freshness.due").gauge().value()
                + metricsTwo.get("trackgeek.freshness.due").gauge().value()).as("counted by the run that swept")
                .isGreaterThanOrEqualTo(3);

        await().atMost(PATIENCE).until(() -> calls(ANIME, dueLongAgo, "full") == 2 && calls(ANIME, dueJustNow, "full") == 2
                && "pending_embeddings".equals(state(ANIME, goneRecheckDue)));
        await().atMost(PATIENCE).until(() -> staleAfterIn(dueLongAgo).compareTo(days(29)) > 0);
        assertThat(goneAt(goneRecheckDue)).as("it answered: alive again").isNull();
        assertThat(calls(ANIME, fresh, "full")).isEqualTo(1);
        assertThat(calls(ANIME, gone, "full")).isEqualTo(1);

        one.sweep();
        two.sweep();
        assertThat(refreshRequests(dueLongAgo)).as("refreshed: not due any more").isEqualTo(1);
    }

    @Test
    void aBackedUpBulkLaneGetsNoMoreRefreshes() {
        long id = stored();
        setState(id, "fresh", null, ago(Duration.ofHours(1)));

        assertThat(replica(0, kafka, new SimpleMeterRegistry()).sweep()).isZero();
        assertThat(refreshRequests(id)).isZero();
    }

    @Test
    void aRefreshKafkaDoesNotTakeIsNotLeftQueuedAndItsItemStaysDue() throws IOException {
        long id = stored();
        setState(id, "fresh", null, ago(Duration.ofHours(1)));
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var producers = new DefaultKafkaProducerFactory<Object, Object>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 300,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        try {
            replica(100_000, new KafkaTemplate<>(producers), new SimpleMeterRegistry()).sweep();
        } finally {
            producers.destroy();
        }

        assertThat(refreshRequests(id)).as("its row deleted again").isZero();
        assertThat(staleAfterIn(id)).as("still due").isNegative();
    }

    // --- helpers ---

    private long stored() {
        long id = recorded(ANIME, FMAB);
        UUID requestId = request(ANIME, id);
        await().atMost(PATIENCE).until(() -> requestStatus(requestId).equals("done"));
        return id;
    }

    /** A refresh as the API sends it, awaited until its request is finished. */
    private UUID refresh(long id) {
        return refreshAndWait(ANIME, id);
    }

    private FreshnessSweeper replica(int maxQueued, KafkaTemplate<Object, Object> kafka, MeterRegistry metrics) {
        var d = FreshnessProperties.defaults();
        var sweeper = new FreshnessProperties.Sweeper(true, Duration.ofMinutes(1), 100_000, maxQueued, Duration.ofHours(6), Duration.ofSeconds(10));
        var properties = new FreshnessProperties(d.running(), d.upcoming(), d.recentlyFinishedWithin(), d.recentlyFinished(),
                d.finished(), d.backOffFactor(), d.finishedMax(), d.minimum(), d.goneRecheck(), sweeper);
        return new FreshnessSweeper(jdbc, transactions, kafka, properties, Clock.systemUTC(), metrics);
    }

    private void setState(long id, String status, OffsetDateTime goneAt, OffsetDateTime staleAfter) {
        jdbc.sql("update sync_state set status = :status, gone_at = :goneAt, stale_after = :staleAfter where media_type = 'ANIME' and provider_id = :id")
                .param("status", status).param("goneAt", goneAt).param("staleAfter", staleAfter).param("id", id).update();
    }

    private int refreshRequests(long id) {
        return jdbc.sql("select count(*) from sync_request where media_type = 'ANIME' and provider_id = :id and kind = 'REFRESH' and lane = 'BULK'")
                .param("id", id).query(Integer.class).single();
    }

    private Duration staleAfterIn(long id) {
        OffsetDateTime staleAfter = jdbc.sql("select stale_after from sync_state where media_type = 'ANIME' and provider_id = :id")
                .param("id", id).query(OffsetDateTime.class).single();
        return Duration.between(Instant.now(), staleAfter.toInstant());
    }

    private int unchangedRefreshes(long id) {
        return jdbc.sql("select unchanged_refreshes from sync_state where media_type = 'ANIME' and provider_id = :id")
                .param("id", id).query(Integer.class).single();
    }

    private Instant goneAt(long id) {
        OffsetDateTime goneAt = jdbc.sql("select gone_at from sync_state where media_type = 'ANIME' and provider_id = :id")
                .param("id", id).query((rs, row) -> rs.getObject(1, OffsetDateTime.class)).list().getFirst();
        return goneAt == null ? null : goneAt.toInstant();
    }

    private static OffsetDateTime ago(Duration duration) {
        return OffsetDateTime.now(ZoneOffset.UTC).minus(duration);
    }

    private static Duration days(int days) {
        return Duration.ofDays(days);
    }
}
