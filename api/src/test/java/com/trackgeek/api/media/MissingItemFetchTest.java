package com.trackgeek.api.media;

import com.trackgeek.api.ApiIntegrationTest;
import com.trackgeek.api.FakeSyncWorker;
import com.trackgeek.contracts.FetchRequested;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.SyncLane;
import com.trackgeek.contracts.SyncRequest;
import com.trackgeek.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MissingItemFetchTest extends ApiIntegrationTest {

    private static final int CALLERS = 20;

    @Test
    void concurrentReadersOfAMissingItemCauseOneFetchAndAllGetTheItem() throws Exception {
        MediaKey key = newAnimeKey();
        try (TopicProbe commands = FakeSyncWorker.watchInteractiveLane();
             ExecutorService callers = Executors.newFixedThreadPool(CALLERS)) {
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                responses.add(CompletableFuture.supplyAsync(() -> get(itemPath(key) + "?wait=PT30S"), callers));
            }

            SyncRequest command = FakeSyncWorker.awaitCommand(commands, key, json);
            assertThat(command).isInstanceOf(FetchRequested.class);
            assertThat(command.lane()).isEqualTo(SyncLane.INTERACTIVE);
            // Finish only once every caller is waiting on the one request, so that all of them really overlap.
            await().atMost(Duration.ofSeconds(20)).until(() -> waiters() >= CALLERS);
            worker().completeFetch(command.requestId(), key, "Steins;Gate");

            for (var response : responses) {
                HttpResponse<String> answer = response.get();
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                assertThat(json(answer).get("title").asString()).isEqualTo("Steins;Gate");
            }
            assertThat(FakeSyncWorker.drainCommands(commands, key, Duration.ofSeconds(1), json))
                    .as("no second command for the item").isEmpty();
        }
        assertThat(syncRequestCount(key)).isEqualTo(1);
    }

    @Test
    void theWaitEndsFromTheRequestStatusWhenTheEventIsMissed() throws Exception {
        MediaKey key = newAnimeKey();
        try (TopicProbe commands = FakeSyncWorker.watchInteractiveLane()) {
            var response = CompletableFuture.supplyAsync(() -> get(itemPath(key) + "?wait=PT20S"));
            SyncRequest command = FakeSyncWorker.awaitCommand(commands, key, json);

            // What the worker writes, without the event: only the poller can notice.
            FakeSyncWorker worker = worker();
            worker.storeItem(key, "Mushishi", command.requestId());
            worker.markDone(command.requestId());

            var answer = response.get();
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(json(answer).get("title").asString()).isEqualTo("Mushishi");
        }
    }

    @Test
    void theWaitEndsFromTheEventAlone() throws Exception {
        MediaKey key = newAnimeKey();
        try (TopicProbe commands = FakeSyncWorker.watchInteractiveLane()) {
            var response = CompletableFuture.supplyAsync(() -> get(itemPath(key) + "?wait=PT20S"));
            SyncRequest command = FakeSyncWorker.awaitCommand(commands, key, json);

            // The item is stored but the request row still says queued: only the event can end the wait.
            FakeSyncWorker worker = worker();
            worker.storeItem(key, "Cowboy Bebop", command.requestId());
            worker.publishSynced(command.requestId(), key);

            var answer = response.get();
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(json(answer).get("title").asString()).isEqualTo("Cowboy Bebop");
        }
    }

    private double waiters() {
        var gauge = meters.find("trackgeek.api.sync.waiters").gauge();
        return gauge == null ? 0 : gauge.value();
    }
}
