package com.trackgeek.pipeline;

import com.trackgeek.contracts.MediaType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * TMDB's change feed against the timers, through the whole pipeline: of 10 stored movies (each fresh for 30 days by
 * its rule), the 3 the feed names for the last completed day are refreshed soon (the poller makes them due, the
 * sweeper queues them on the bulk lane, the worker fetches them again), once, and the 7 others are not.
 */
class ChangeFeedRefreshesWhatChangedTest {

    private static final Map<String, Object> EAGER = Map.of(
            "trackgeek.sync.change-feeds.interval", "2s",
            "trackgeek.sync.freshness.sweeper.interval", "1s");

    private final Pipeline pipeline = Pipeline.get();

    @AfterEach
    void backToTheDefaults() {
        pipeline.restartSyncWorkerWith(Map.of());
    }

    @Test
    void ofTenStoredMoviesTheThreeTheFeedNamesAreRefreshedAndTheSevenOthersAreNot() {
        List<Long> movies = LongStream.rangeClosed(770_001, 770_010).boxed().toList();
        for (long id : movies) {
            assertThat(ApiCalls.get(pipeline.apiUrl(), "/api/v1/movie/" + id + "?wait=PT30S").status()).isEqualTo(200);
        }
        List<Long> changed = List.of(movies.get(1), movies.get(4), movies.get(8));
        List<Long> unchanged = movies.stream().filter(id -> !changed.contains(id)).toList();

        // Stored two days ago; TMDB lists a day's changes once the day is over: these three changed yesterday.
        movies.forEach(id -> Database.backdateSync(MediaType.MOVIE, id, 48));
        pipeline.providers.tmdb().changed("movie", Instant.now().minus(Duration.ofDays(1)), changed.stream().mapToLong(Long::longValue).toArray());
        pipeline.restartSyncWorkerWith(EAGER);

        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() ->
                changed.stream().allMatch(id -> fetches(id) == 2));
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        assertThat(Database.changeFeedPosition("TMDB", MediaType.MOVIE)).as("read through yesterday").contains(today);
        for (long id : unchanged) {
            assertThat(fetches(id)).as("movie %d, not in the feed, waits for its threshold", id).isEqualTo(1);
        }
        for (long id : changed) {
            assertThat(fetches(id)).as("movie %d, named by the feed, refreshed once", id).isEqualTo(2);
        }
    }

    private int fetches(long id) {
        return pipeline.providers.requests().count("/tmdb/3/movie/" + id);
    }
}
