package com.trackgeek.pipeline;

import com.trackgeek.contracts.MediaType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The harness of the kill -9 tests ({@link ChildSyncWorker}): a sync worker in a JVM of its own serves the pipeline
 * as the in-process one does, a kill -9 ends that process at once (killed by SIGKILL, nothing of a graceful stop in
 * its log, which a SIGTERM does show), and the worker started after it takes over the work that follows.
 */
class SyncWorkerInItsOwnJvmTest {

    private static final long FIRST_MOVIE = 943_001;
    private static final long SECOND_MOVIE = 943_002;
    /** What Spring Boot logs when a graceful shutdown begins (server.shutdown: graceful in sync-worker.yml). */
    private static final String GRACEFUL_SHUTDOWN = "graceful shutdown";

    private final Pipeline pipeline = Pipeline.get();

    @AfterEach
    void backToTheInProcessWorker() {
        pipeline.restartSyncWorker();
    }

    @Test
    void aWorkerInItsOwnJvmFetchesAKillNineEndsItAtOnceAndTheNextWorkerTakesOver() {
        pipeline.stopSyncWorker(); // the child is the only sync worker: whatever is fetched, it fetched

        try (var first = ChildSyncWorker.start(pipeline.syncWorkerSettings(Map.of()), "harness-first")) {
            first.awaitHealthy(Duration.ofMinutes(2));
            awaitFetched(FIRST_MOVIE);
            assertThat(pipeline.providers.requests().count("/tmdb/3/movie/" + FIRST_MOVIE)).isEqualTo(1);

            int status = first.killNine();

            assertThat(status).as("ended by SIGKILL").isEqualTo(ChildSyncWorker.KILLED_BY_SIGKILL);
            assertThat(first.isAlive()).isFalse();
            assertThat(first.log()).contains("Started SyncWorkerApplication").doesNotContainIgnoringCase(GRACEFUL_SHUTDOWN);
        }

        var second = ChildSyncWorker.start(pipeline.syncWorkerSettings(Map.of()), "harness-second");
        try {
            second.awaitHealthy(Duration.ofMinutes(2));
            awaitFetched(SECOND_MOVIE);
        } finally {
            second.close();
        }
        assertThat(second.log()).as("a SIGTERM, by contrast, stops it gracefully").containsIgnoringCase(GRACEFUL_SHUTDOWN);
        assertThat(Database.storedItems(MediaType.MOVIE, List.of(FIRST_MOVIE, SECOND_MOVIE))).isEqualTo(2);
    }

    /**
     * Reads the movie until it answers 200: the first read may outlast its wait while the new worker joins the
     * consumer group (a killed worker's partitions move only when its session times out).
     */
    private void awaitFetched(long id) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            var answer = ApiCalls.get(pipeline.apiUrl(), "/api/v1/movie/" + id + "?wait=PT30S");
            assertThat(answer.status()).as("movie %d: %s", id, answer.body()).isEqualTo(200);
            assertThat(answer.body().path("tmdbId").asLong()).isEqualTo(id);
        });
    }
}
