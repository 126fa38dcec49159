package com.trackgeek.api.media;

import com.trackgeek.api.ApiIntegrationTest;
import com.trackgeek.api.FakeSyncWorker;
import com.trackgeek.api.SecondInstance;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.SyncRequest;
import com.trackgeek.testsupport.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The deduplication lives in PostgreSQL, so it holds across instances, not just within one. */
class TwoInstancesTest extends ApiIntegrationTest {

    private static final int CALLERS_PER_INSTANCE = 10;

    @Test
    void callersOfTwoInstancesShareOneFetch() throws Exception {
        MediaKey key = newAnimeKey();
        try (SecondInstance second = SecondInstance.start();
             TopicProbe commands = FakeSyncWorker.watchInteractiveLane();
             ExecutorService callers = Executors.newFixedThreadPool(2 * CALLERS_PER_INSTANCE)) {
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < CALLERS_PER_INSTANCE; i++) {
                responses.add(CompletableFuture.supplyAsync(() -> get(itemPath(key) + "?wait=PT30S"), callers));
                responses.add(CompletableFuture.supplyAsync(() -> send(HttpRequest.newBuilder(
                        second.uri(itemPath(key) + "?wait=PT30S")).GET()), callers));
            }

            SyncRequest command = FakeSyncWorker.awaitCommand(commands, key, json);
            MeterRegistry secondMeters = second.meters();
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    waiters(meters) + waiters(secondMeters) >= 2 * CALLERS_PER_INSTANCE);
            worker().completeFetch(command.requestId(), key, "Serial Experiments Lain");

            for (var response : responses) {
                HttpResponse<String> answer = response.get();
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                assertThat(json(answer).get("title").asString()).isEqualTo("Serial Experiments Lain");
            }
            assertThat(FakeSyncWorker.drainCommands(commands, key, Duration.ofSeconds(1), json)).isEmpty();
        }
        assertThat(syncRequestCount(key)).isEqualTo(1);
    }

    private static double waiters(MeterRegistry registry) {
        var gauge = registry.find("trackgeek.api.sync.waiters").gauge();
        return gauge == null ? 0 : gauge.value();
    }
}
