package com.trackgeek.pipeline;

import com.trackgeek.contracts.MediaType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Accepted work survives the sync-worker going away in the middle of it. */
class WorkerRestartTest {

    private final Pipeline pipeline = Pipeline.get();

    @Test
    void stoppingTheWorkerInTheMiddleOfAHundredAcceptedRequestsLosesNoneAndStoresNoneTwice() {
        Set<Long> ids = Set.copyOf(LongStream.rangeClosed(600_001, 600_100).boxed().toList());

        var answers = ApiCalls.getConcurrently(ids.stream().map(id -> pipeline.apiUrl() + "/api/v1/anime/" + id + "?wait=PT0S").toList());
        for (var answer : answers) {
            assertThat(answer.status()).as("accepted").isEqualTo(202);
        }

        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100)).until(() -> Database.storedItems(MediaType.ANIME, ids) >= 15);
        pipeline.stopSyncWorker();
        int storedWhileStopped = Database.storedItems(MediaType.ANIME, ids);
        System.out.printf("sync-worker stopped with %d of 100 stored%n", storedWhileStopped);
        assertThat(storedWhileStopped).as("the worker was stopped in the middle").isLessThan(100);

        pipeline.restartSyncWorker();

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> Database.storedItems(MediaType.ANIME, ids) == 100);
        await().atMost(Duration.ofSeconds(30)).until(() -> Database.unfinishedRequests(MediaType.ANIME, ids) == 0);
        assertThat(Database.doneRequests(MediaType.ANIME, ids)).as("one finished request per item").isEqualTo(100);
        int fullCalls = ids.stream().mapToInt(id -> pipeline.jikanCalls("/anime/" + id + "/full")).sum();
        System.out.printf("/full calls for 100 items across the restart: %d%n", fullCalls);
        assertThat(fullCalls).as("items stored before the stop are not fetched again").isLessThanOrEqualTo(100 + 15);
    }
}
