package com.trackgeek.api.syncrequest;

import com.trackgeek.api.ApiIntegrationTest;
import com.trackgeek.api.FakeSyncWorker;
import com.trackgeek.contracts.FetchRequested;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.RequestKind;
import com.trackgeek.contracts.RequestStatus;
import com.trackgeek.contracts.SyncLane;
import com.trackgeek.contracts.SyncRequest;
import com.trackgeek.testsupport.TopicProbe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No request stays running forever: one running past {@code running-timeout} since a worker last claimed it
 * is handed to a worker again, at most {@code max-takeovers} times, then failed with {@code SYNC_TIMED_OUT}.
 * With short settings (a one-minute timeout, two takeovers) on a sweeper wired by hand; rows are aged in the
 * database rather than waited for, and stay younger than the application's own five-minute timeout.
 */
class RunningTimeoutTest extends ApiIntegrationTest {

    private static final Duration RUNNING_TIMEOUT = Duration.ofMinutes(1);
    private static final int MAX_TAKEOVERS = 2;
    private static final Duration STUCK = Duration.ofMinutes(2);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private OverdueRequestSweeper sweeper;

    @BeforeEach
    void shortSettings() {
        sweeper = newSweeper(registry);
    }

    @Test
    void aStuckRequestIsTakenOverUpToTheLimitThenFailedAndTheNextReadStartsAFreshOne() {
        MediaKey key = newAnimeKey();
        UUID stuck = insertRunning(key, 1, STUCK);
        try (TopicProbe commands = FakeSyncWorker.watchInteractiveLane()) {
            sweeper.sweep();
            SyncRequest first = FakeSyncWorker.awaitCommand(commands, key, json);
            assertThat(first).isInstanceOf(FetchRequested.class);
            assertThat(first.requestId()).isEqualTo(stuck);
            assertThat(first.lane()).isEqualTo(SyncLane.INTERACTIVE);

            sweeper.sweep();
            assertThat(FakeSyncWorker.drainCommands(commands, key, Duration.ofSeconds(1), json))
                    .as("taken over just now: not again before running-timeout").isEmpty();

            // A worker took it (second attempt) and got stuck too: one takeover is left.
            age(stuck, 2, STUCK);
            sweeper.sweep();
            assertThat(FakeSyncWorker.awaitCommand(commands, key, json).requestId()).isEqualTo(stuck);

            // Third attempt stuck: no takeover left.
            age(stuck, 3, STUCK);
            sweeper.sweep();
            assertThat(FakeSyncWorker.drainCommands(commands, key, Duration.ofSeconds(1), json)).isEmpty();
        }
        JsonNode failed = json(get("/api/v1/sync-requests/" + stuck));
        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("errorCode").asString()).isEqualTo("SYNC_TIMED_OUT");
        assertThat(failed.get("errorDetail").asString()).contains("3 attempts");
        assertThat(registry.get("trackgeek.api.sync.requests").tag("action", "taken_over").counter().count()).isEqualTo(2);
        assertThat(registry.get("trackgeek.api.sync.requests").tag("action", "timed_out").counter().count()).isEqualTo(1);

        HttpResponse<String> next = get(itemPath(key) + "?wait=0");
        assertThat(next.statusCode()).as(next.body()).isEqualTo(202);
        assertThat(json(next).get("id").asString()).isNotEqualTo(stuck.toString());
        assertThat(syncRequestCount(key)).isEqualTo(2);
    }

    @Test
    void aCallerWaitingOnARequestThatTimesOutIsToldSo() throws Exception {
        MediaKey key = newAnimeKey();
        UUID stuck = insertRunning(key, MAX_TAKEOVERS + 1, Duration.ZERO);
        var response = CompletableFuture.supplyAsync(() -> get(itemPath(key) + "?wait=PT20S"));
        awaitWaiters(1);

        age(stuck, MAX_TAKEOVERS + 1, STUCK);
        sweeper.sweep();

        HttpResponse<String> answer = response.get();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(json(answer).get("code").asString()).isEqualTo("SYNC_TIMED_OUT");
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void aRequestRunningForLessThanTheTimeoutIsLeftAlone() {
        MediaKey key = newAnimeKey();
        UUID running = insertRunning(key, MAX_TAKEOVERS + 1, Duration.ofSeconds(30));
        try (TopicProbe commands = FakeSyncWorker.watchInteractiveLane()) {
            sweeper.sweep();

            assertThat(FakeSyncWorker.drainCommands(commands, key, Duration.ofSeconds(1), json)).isEmpty();
        }
        assertThat(json(get("/api/v1/sync-requests/" + running)).get("status").asString()).isEqualTo("running");
    }

    @Test
    void ofTwoInstancesSweepingAtOnceOneTakesTheRequestOver() throws Exception {
        MediaKey key = newAnimeKey();
        insertRunning(key, 1, STUCK);
        OverdueRequestSweeper other = newSweeper(new SimpleMeterRegistry());
        try (TopicProbe commands = FakeSyncWorker.watchInteractiveLane()) {
            CountDownLatch start = new CountDownLatch(1);
            var first = CompletableFuture.runAsync(() -> awaitThen(start, sweeper::sweep));
            var second = CompletableFuture.runAsync(() -> awaitThen(start, other::sweep));
            start.countDown();
            CompletableFuture.allOf(first, second).get();

            assertThat(FakeSyncWorker.drainCommands(commands, key, Duration.ofSeconds(2), json)).hasSize(1);
        }
    }

    private OverdueRequestSweeper newSweeper(SimpleMeterRegistry registry) {
        var properties = new SyncProperties(Duration.ofSeconds(5), Duration.ofMillis(250), Duration.ofMinutes(2),
                Duration.ofSeconds(30), RUNNING_TIMEOUT, MAX_TAKEOVERS);
        return new OverdueRequestSweeper(new SyncRequests(jdbc), new SyncCommandPublisher(kafka, properties),
                new SyncMetrics(registry), properties);
    }

    /** A request a worker claimed {@code attempts} times, the last {@code age} ago. */
    private UUID insertRunning(MediaKey key, int attempts, Duration age) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into sync_request (id, media_type, provider_id, kind, lane, status, attempts,
                                                  created_at, started_at, updated_at)
                        values (:id, :type, :providerId, :kind, :lane, :running, :attempts,
                                now() - make_interval(secs => :age), now() - make_interval(secs => :age),
                                now() - make_interval(secs => :age))""")
                .param("id", id)
                .param("type", key.type().name())
                .param("providerId", key.id())
                .param("kind", RequestKind.FETCH.name())
                .param("lane", SyncLane.INTERACTIVE.name())
                .param("running", RequestStatus.RUNNING.value())
                .param("attempts", attempts)
                .param("age", (double) age.toSeconds())
                .update();
        return id;
    }

    /** What a worker's claim leaves behind (one more attempt), as if it happened {@code age} ago. */
    private void age(UUID id, int attempts, Duration age) {
        jdbc.sql("update sync_request set attempts = :attempts, updated_at = now() - make_interval(secs => :age) where id = :id")
                .param("id", id)
                .param("attempts", attempts)
                .param("age", (double) age.toSeconds())
                .update();
    }

    private void awaitWaiters(int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var gauge = meters.find("trackgeek.api.sync.waiters").gauge();
            return gauge != null && gauge.value() >= count;
        });
    }

    private static void awaitThen(CountDownLatch start, Runnable action) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        action.run();
    }
}
