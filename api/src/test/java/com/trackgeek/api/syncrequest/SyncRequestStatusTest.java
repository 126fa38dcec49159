package com.trackgeek.api.syncrequest;

import com.trackgeek.api.ApiIntegrationTest;
import com.trackgeek.api.FakeSyncWorker;
import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.SyncRequest;
import com.trackgeek.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SyncRequestStatusTest extends ApiIntegrationTest {

    @Test
    void aCallerWhoseWaitRunsOutGets202AndFollowsTheRequestToItsEnd() {
        MediaKey key = newAnimeKey();
        try (TopicProbe commands = FakeSyncWorker.watchInteractiveLane()) {
            long started = System.nanoTime();
            HttpResponse<String> accepted = get(itemPath(key) + "?wait=PT1S");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
            SyncRequest command = FakeSyncWorker.awaitCommand(commands, key, json);
            String location = accepted.headers().firstValue("Location").orElseThrow();
            assertThat(location).isEqualTo("/api/v1/sync-requests/" + command.requestId());
            JsonNode body = json(accepted);
            assertThat(body.get("id").asString()).isEqualTo(command.requestId().toString());
            assertThat(body.get("status").asString()).isEqualTo("queued");

            JsonNode queued = json(get(location));
            assertThat(queued.get("status").asString()).isEqualTo("queued");
            assertThat(queued.get("item").get("type").asString()).isEqualTo("ANIME");
            assertThat(queued.get("item").get("id").asLong()).isEqualTo(key.id());
            assertThat(queued.get("kind").asString()).isEqualTo("FETCH");
            assertThat(queued.get("lane").asString()).isEqualTo("INTERACTIVE");
            assertThat(queued.get("attempts").asInt()).isZero();
            assertThat(queued.get("createdAt").asString()).isNotBlank();
            assertThat(queued.get("startedAt").isNull()).isTrue();
            assertThat(queued.get("links").get("self").asString()).isEqualTo(location);
            assertThat(queued.get("links").get("item").asString()).isEqualTo(itemPath(key));

            FakeSyncWorker worker = worker();
            worker.markRunning(command.requestId());
            JsonNode running = json(get(location));
            assertThat(running.get("status").asString()).isEqualTo("running");
            assertThat(running.get("attempts").asInt()).isEqualTo(1);
            assertThat(running.get("startedAt").asString()).isNotBlank();

            worker.completeFetch(command.requestId(), key, "Monster");
            JsonNode done = json(get(location));
            assertThat(done.get("status").asString()).isEqualTo("done");
            assertThat(done.get("finishedAt").asString()).isNotBlank();
            HttpResponse<String> item = get(done.get("links").get("item").asString());
            assertThat(item.statusCode()).isEqualTo(200);
            assertThat(json(item).get("title").asString()).isEqualTo("Monster");
        }
    }

    @Test
    void aFailedRequestReportsItsCodeAndDetail() {
        MediaKey key = newAnimeKey();
        try (TopicProbe commands = FakeSyncWorker.watchInteractiveLane()) {
            HttpResponse<String> accepted = get(itemPath(key) + "?wait=0");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            SyncRequest command = FakeSyncWorker.awaitCommand(commands, key, json);

            worker().markFailed(command.requestId(), ErrorCode.JIKAN_SERVICE_UNAVAILABLE, "Jikan answered 504 three times");

            JsonNode failed = json(get(accepted.headers().firstValue("Location").orElseThrow()));
            assertThat(failed.get("status").asString()).isEqualTo("failed");
            assertThat(failed.get("errorCode").asString()).isEqualTo("JIKAN_SERVICE_UNAVAILABLE");
            assertThat(failed.get("errorDetail").asString()).isEqualTo("Jikan answered 504 three times");
        }
    }

    @Test
    void anUnknownRequestIs404() {
        HttpResponse<String> answer = get("/api/v1/sync-requests/" + UUID.randomUUID());

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(json(answer).get("code").asString()).isEqualTo("SYNC_REQUEST_NOT_FOUND");
    }
}
