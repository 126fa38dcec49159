package com.trackgeek.api.media;

import com.trackgeek.api.ApiIntegrationTest;
import com.trackgeek.api.FakeSyncWorker;
import com.trackgeek.api.SecondInstance;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.RefreshRequested;
import com.trackgeek.contracts.SyncLane;
import com.trackgeek.contracts.SyncRequest;
import com.trackgeek.contracts.Topics;
import com.trackgeek.testsupport.SharedInfrastructure;
import com.trackgeek.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stored item past its freshness threshold is served at once with its stored data, marked stale (header
 * {@code X-TrackGeek-Stale: true}, {@code sync.stale}), and exactly one refresh is queued in the background on the
 * bulk lane, however many readers arrive on however many instances. Gone items are served marked gone and queue
 * nothing.
 */
class StaleWhileRevalidateTest extends ApiIntegrationTest {

    private static final int READERS_PER_INSTANCE = 10;

    @Test
    void twentyReadersOnTwoInstancesGetTheStaleItemAtOnceAndOneRefreshIsQueued() throws Exception {
        MediaKey key = stored("Monster");
        Instant staleAfter = freshness(key, "fresh", Instant.now().minus(Duration.ofMinutes(1)), null);
        try (SecondInstance second = SecondInstance.start();
             TopicProbe bulkLane = watchBulkLane();
             ExecutorService readers = Executors.newFixedThreadPool(2 * READERS_PER_INSTANCE)) {
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < READERS_PER_INSTANCE; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> get(itemPath(key)), readers));
                answers.add(CompletableFuture.supplyAsync(() -> send(HttpRequest.newBuilder(
                        second.uri(itemPath(key))).GET()), readers));
            }

            for (var answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                assertThat(response.headers().firstValue("X-TrackGeek-Stale")).hasValue("true");
                JsonNode item = json(response);
                assertThat(item.get("title").asString()).isEqualTo("Monster");
                assertThat(item.get("sync").get("stale").asBoolean()).isTrue();
                assertThat(Instant.parse(item.get("sync").get("staleAfter").asString())).isEqualTo(staleAfter);
                assertThat(item.get("sync").get("gone").asBoolean()).isFalse();
            }
            List<SyncRequest> refreshes = FakeSyncWorker.drainCommands(bulkLane, key, Duration.ofSeconds(3), json);
            assertThat(refreshes).hasSize(1);
            assertThat(refreshes.getFirst()).isInstanceOf(RefreshRequested.class);
            assertThat(refreshes.getFirst().lane()).isEqualTo(SyncLane.BULK);
        }
        assertThat(jdbc.sql("select kind || ' ' || lane || ' ' || status from sync_request"
                        + " where media_type = :type and provider_id = :id")
                .param("type", key.type().name()).param("id", key.id()).query(String.class).list())
                .containsExactly("REFRESH BULK queued");
    }

    @Test
    void aCachedItemIsMarkedStaleWhenItsTimeComesWithoutBeingReadAgainFromTheDatabase() {
        MediaKey key = stored("Mushishi");
        freshness(key, "fresh", Instant.now().plus(Duration.ofSeconds(2)), null);
        try (TopicProbe bulkLane = watchBulkLane()) {
            var current = get(itemPath(key));
            assertThat(current.headers().firstValue("X-TrackGeek-Stale")).isEmpty();
            assertThat(json(current).get("sync").get("stale").asBoolean()).isFalse();
            double databaseReads = fetchCount("db_hit");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(get(itemPath(key)).headers().firstValue("X-TrackGeek-Stale")).hasValue("true"));

            var stale = get(itemPath(key));
            assertThat(json(stale).get("sync").get("stale").asBoolean()).isTrue();
            assertThat(stale.headers().firstValue("ETag")).isNotEqualTo(current.headers().firstValue("ETag"));
            assertThat(fetchCount("db_hit")).as("served from memory").isEqualTo(databaseReads);
            assertThat(FakeSyncWorker.drainCommands(bulkLane, key, Duration.ofSeconds(2), json)).hasSize(1);
        }
    }

    @Test
    void anItemWithinItsThresholdOrWithoutOneIsNotStaleAndQueuesNothing() {
        MediaKey withinThreshold = stored("Planetes");
        freshness(withinThreshold, "fresh", Instant.now().plus(Duration.ofDays(7)), null);
        MediaKey storedBeforeFreshness = stored("Haibane Renmei");
        try (TopicProbe bulkLane = watchBulkLane()) {
            for (MediaKey key : List.of(withinThreshold, storedBeforeFreshness)) {
                var response = get(itemPath(key));
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("X-TrackGeek-Stale")).isEmpty();
                assertThat(json(response).get("sync").get("stale").asBoolean()).isFalse();
            }
            assertThat(json(get(itemPath(storedBeforeFreshness))).get("sync").get("staleAfter").isNull()).isTrue();
            assertThat(FakeSyncWorker.drainCommands(bulkLane, withinThreshold, Duration.ofSeconds(1), json)).isEmpty();
            assertThat(syncRequestCount(withinThreshold) + syncRequestCount(storedBeforeFreshness)).isZero();
        }
    }

    @Test
    void anItemWhoseStatusIsStaleIsServedStaleAndRefreshed() {
        MediaKey key = stored("Kaiba");
        freshness(key, "stale", Instant.now().plus(Duration.ofDays(1)), null);
        try (TopicProbe bulkLane = watchBulkLane()) {
            var response = get(itemPath(key));

            assertThat(response.headers().firstValue("X-TrackGeek-Stale")).hasValue("true");
            assertThat(json(response).get("sync").get("stale").asBoolean()).isTrue();
            assertThat(FakeSyncWorker.drainCommands(bulkLane, key, Duration.ofSeconds(2), json)).hasSize(1);
        }
    }

    @Test
    void aGoneItemIsServedWithItsDataMarkedGoneAndQueuesNothing() {
        MediaKey key = stored("Kemonozume");
        Instant goneAt = Instant.now().minus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        freshness(key, "gone", Instant.now().minus(Duration.ofDays(1)), goneAt);
        try (TopicProbe bulkLane = watchBulkLane()) {
            // The first read loads it from the database, the second is answered from memory.
            for (int read = 0; read < 2; read++) {
                var response = get(itemPath(key));
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("X-TrackGeek-Gone")).hasValue("true");
                assertThat(response.headers().firstValue("X-TrackGeek-Stale")).isEmpty();
                JsonNode item = json(response);
                assertThat(item.get("title").asString()).isEqualTo("Kemonozume");
                assertThat(item.get("sync").get("status").asString()).isEqualTo("gone");
                assertThat(item.get("sync").get("gone").asBoolean()).isTrue();
                assertThat(Instant.parse(item.get("sync").get("goneAt").asString())).isEqualTo(goneAt);
                assertThat(item.get("sync").get("stale").asBoolean()).isFalse();
            }
            assertThat(FakeSyncWorker.drainCommands(bulkLane, key, Duration.ofSeconds(1), json)).isEmpty();
            assertThat(syncRequestCount(key)).isZero();
        }
    }

    private MediaKey stored(String title) {
        MediaKey key = newAnimeKey();
        worker().storeItem(key, title, null);
        return key;
    }

    /** Sets what the worker's freshness policy and tombstones would; returns staleAfter as PostgreSQL keeps it. */
    private Instant freshness(MediaKey key, String status, Instant staleAfter, Instant goneAt) {
        Instant at = staleAfter.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        jdbc.sql("""
                        update sync_state set status = :status, stale_after = :staleAfter, gone_at = :goneAt
                         where media_type = :type and provider_id = :id""")
                .param("status", status)
                .param("staleAfter", java.sql.Timestamp.from(at))
                .param("goneAt", goneAt == null ? null : java.sql.Timestamp.from(goneAt))
                .param("type", key.type().name())
                .param("id", key.id())
                .update();
        return at;
    }

    private static TopicProbe watchBulkLane() {
        return TopicProbe.openAtEnd(SharedInfrastructure.kafka().bootstrapServers(), Topics.SYNC_REQUESTS_BULK);
    }
}
