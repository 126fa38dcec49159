package com.trackgeek.api.media;

import com.trackgeek.api.ApiIntegrationTest;
import com.trackgeek.api.FakeSyncWorker;
import com.trackgeek.api.SecondInstance;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.RefreshRequested;
import com.trackgeek.contracts.SyncLane;
import com.trackgeek.contracts.SyncRequest;
import com.trackgeek.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/v1/{type}/{id}/refresh}: a stored item is fetched again on a person's request, at most once per
 * guard (24 h), and until the new data is stored every reader on every instance keeps the old; then every
 * instance's cache drops it.
 */
class RefreshTest extends ApiIntegrationTest {

    @Test
    void anItemNotStoredIs404AndNothingIsQueued() {
        MediaKey key = newAnimeKey();

        assertProblem(refresh(key), 404, "ANIME_NOT_FOUND");
        assertThat(syncRequestCount(key)).isZero();
    }

    @Test
    void anItemSyncedWithinTheGuardIs409WithWhenItCanBeRefreshed() {
        MediaKey key = stored("Cowboy Bebop");
        Instant lastSynced = syncedAgo(key, Duration.ofHours(1));

        var response = refresh(key);

        assertProblem(response, 409, "ANIME_ALREADY_REFRESHED");
        Instant retryAt = Instant.parse(json(response).get("retryAt").asString());
        assertThat(retryAt).isEqualTo(lastSynced.plus(Duration.ofHours(24)));
        assertThat(Instant.parse(json(response).get("lastSyncedAt").asString())).isEqualTo(lastSynced);
        long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isCloseTo(Duration.ofHours(23).toSeconds(), within(60L));
        assertThat(syncRequestCount(key)).as("nothing queued").isZero();
    }

    @Test
    void aRefreshIs202AndEveryInstanceServesTheOldDataUntilTheNewIsStored() throws Exception {
        MediaKey key = stored("Trigun");
        Instant lastSynced = syncedAgo(key, Duration.ofHours(25));
        try (SecondInstance second = SecondInstance.start();
             TopicProbe commands = FakeSyncWorker.watchInteractiveLane()) {
            second.awaitSyncEvents(kafka);
            // Both instances hold the item in memory.
            assertThat(title(get(itemPath(key)))).isEqualTo("Trigun");
            assertThat(title(secondGet(second, key))).isEqualTo("Trigun");

            var accepted = refresh(key);

            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            JsonNode request = json(accepted);
            UUID requestId = UUID.fromString(request.get("id").asString());
            assertThat(accepted.headers().firstValue("Location")).hasValue("/api/v1/sync-requests/" + requestId);
            assertThat(request.get("kind").asString()).isEqualTo("REFRESH");
            assertThat(request.get("lane").asString()).isEqualTo("INTERACTIVE");
            assertThat(request.get("status").asString()).isEqualTo("queued");
            SyncRequest command = FakeSyncWorker.awaitCommand(commands, key, json);
            assertThat(command).isInstanceOf(RefreshRequested.class);
            assertThat(command.requestId()).isEqualTo(requestId);
            assertThat(command.lane()).isEqualTo(SyncLane.INTERACTIVE);

            // Asked again while it is under way: the same request, no second command.
            var again = refresh(key);
            assertThat(again.statusCode()).isEqualTo(202);
            assertThat(json(again).get("id").asString()).isEqualTo(requestId.toString());
            assertThat(FakeSyncWorker.drainCommands(commands, key, Duration.ofMillis(500), json)).isEmpty();

            assertThat(title(get(itemPath(key)))).as("the old data meanwhile").isEqualTo("Trigun");
            assertThat(title(secondGet(second, key))).isEqualTo("Trigun");

            worker().completeFetch(requestId, key, "Trigun Stampede");

            for (var reader : List.<java.util.function.Supplier<HttpResponse<String>>>of(
                    () -> get(itemPath(key)), () -> secondGet(second, key))) {
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    JsonNode item = json(reader.get());
                    assertThat(item.get("title").asString()).isEqualTo("Trigun Stampede");
                    assertThat(Instant.parse(item.get("sync").get("lastSyncedAt").asString())).isAfter(lastSynced);
                });
            }
        }
        assertThat(get("/api/v1/sync-requests/" + refreshRequestOf(key)).body()).contains("\"status\":\"done\"");
        assertProblem(refresh(key), 409, "ANIME_ALREADY_REFRESHED");
    }

    @Test
    void theOperationAndItsProblemsAreDocumented() {
        JsonNode post = json(get("/v3/api-docs")).get("paths").get("/api/v1/{type}/{id}/refresh").get("post");

        assertThat(post.get("responses").propertyNames()).contains("202", "401", "403", "404", "409", "429", "503");
        assertThat(post.get("responses").get("409").get("description").asString())
                .contains("ALREADY_REFRESHED").contains("retryAt");
        assertThat(post.get("responses").get("409").get("headers").has("Retry-After")).isTrue();
        assertThat(post.get("responses").get("202").get("headers").has("Location")).isTrue();
    }

    private HttpResponse<String> refresh(MediaKey key) {
        return send(HttpRequest.newBuilder(uri(itemPath(key) + "/refresh")).header("X-API-Key", REFRESH_KEY)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private MediaKey stored(String title) {
        MediaKey key = newAnimeKey();
        worker().storeItem(key, title, null);
        return key;
    }

    /** Sets when the item was last synced; returns it as PostgreSQL stores it (microseconds). */
    private Instant syncedAgo(MediaKey key, Duration ago) {
        Instant at = Instant.now().minus(ago).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        jdbc.sql("update sync_state set last_synced_at = :at where media_type = :type and provider_id = :id")
                .param("at", java.sql.Timestamp.from(at))
                .param("type", key.type().name())
                .param("id", key.id())
                .update();
        return at;
    }

    private UUID refreshRequestOf(MediaKey key) {
        return jdbc.sql("select id from sync_request where media_type = :type and provider_id = :id and kind = 'REFRESH'")
                .param("type", key.type().name())
                .param("id", key.id())
                .query(UUID.class)
                .single();
    }

    private HttpResponse<String> secondGet(SecondInstance second, MediaKey key) {
        return send(HttpRequest.newBuilder(second.uri(itemPath(key))).GET());
    }

    private String title(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("title").asString();
    }
}
