package com.trackgeek.api.media;

import com.trackgeek.api.ApiIntegrationTest;
import com.trackgeek.api.FakeSyncWorker;
import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.SyncRequest;
import com.trackgeek.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class SyncFailureTest extends ApiIntegrationTest {

    @Test
    void anIdTheProviderDoesNotKnowIs404AndTheNextReadDoesNotAskAgain() throws Exception {
        MediaKey key = newAnimeKey();
        try (TopicProbe commands = FakeSyncWorker.watchInteractiveLane()) {
            var response = CompletableFuture.supplyAsync(() -> get(itemPath(key) + "?wait=PT20S"));
            SyncRequest command = FakeSyncWorker.awaitCommand(commands, key, json);
            worker().failFetch(command.requestId(), key, ErrorCode.ANIME_NOT_FOUND, "Jikan answered 404");

            HttpResponse<String> answer = response.get();
            assertProblem(answer, 404, "ANIME_NOT_FOUND");

            double negativeHits = fetchCount("negative_cache_hit");
            long started = System.nanoTime();
            HttpResponse<String> again = get(itemPath(key) + "?wait=PT20S");
            assertProblem(again, 404, "ANIME_NOT_FOUND");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            assertThat(fetchCount("negative_cache_hit")).isEqualTo(negativeHits + 1);
            assertThat(FakeSyncWorker.drainCommands(commands, key, Duration.ofSeconds(1), json))
                    .as("no command for a known-missing id").isEmpty();
        }
        assertThat(syncRequestCount(key)).isEqualTo(1);
    }

    @Test
    void aNotFoundOlderThanItsTtlIsAskedAgain() {
        MediaKey key = newAnimeKey();
        worker().recordFailure(key, ErrorCode.ANIME_NOT_FOUND, "Jikan answered 404",
                Instant.now().minus(Duration.ofHours(2)), UUID.randomUUID());
        try (TopicProbe commands = FakeSyncWorker.watchInteractiveLane()) {
            HttpResponse<String> answer = get(itemPath(key) + "?wait=0");

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            assertThat(FakeSyncWorker.awaitCommand(commands, key, json).item()).isEqualTo(key);
        }
    }

    @Test
    void anUnavailableProviderIs503WithRetryAfter() throws Exception {
        MediaKey key = newAnimeKey();
        try (TopicProbe commands = FakeSyncWorker.watchInteractiveLane()) {
            var response = CompletableFuture.supplyAsync(() -> get(itemPath(key) + "?wait=PT20S"));
            SyncRequest command = FakeSyncWorker.awaitCommand(commands, key, json);
            worker().publishFailed(command.requestId(), key, ErrorCode.JIKAN_SERVICE_UNAVAILABLE, "circuit open");

            HttpResponse<String> answer = response.get();
            assertProblem(answer, 503, "JIKAN_SERVICE_UNAVAILABLE");
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("30");
        }
    }

    @Test
    void anUnusableProviderAnswerIs502() throws Exception {
        MediaKey key = newAnimeKey();
        try (TopicProbe commands = FakeSyncWorker.watchInteractiveLane()) {
            var response = CompletableFuture.supplyAsync(() -> get(itemPath(key) + "?wait=PT20S"));
            SyncRequest command = FakeSyncWorker.awaitCommand(commands, key, json);
            worker().failFetch(command.requestId(), key, ErrorCode.PROVIDER_PAYLOAD_INVALID, "data.title missing");

            HttpResponse<String> answer = response.get();
            assertProblem(answer, 502, "PROVIDER_PAYLOAD_INVALID");
            assertThat(json(answer).get("detail").asString()).contains("data.title missing");
        }
    }

    @Test
    void aFailureOfAnotherRequestForTheItemDoesNotEndTheWait() throws Exception {
        MediaKey key = newAnimeKey();
        try (TopicProbe commands = FakeSyncWorker.watchInteractiveLane()) {
            var response = CompletableFuture.supplyAsync(() -> get(itemPath(key) + "?wait=PT3S"));
            FakeSyncWorker.awaitCommand(commands, key, json);
            // A late event of some earlier request for the same item.
            worker().publishFailed(UUID.randomUUID(), key, ErrorCode.JIKAN_SERVICE_UNAVAILABLE, "old news");

            assertThat(response.get().statusCode()).isEqualTo(202);
        }
    }
}
