package com.trackgeek.sync.command;

import com.trackgeek.contracts.EmbeddingLane;
import com.trackgeek.contracts.EmbeddingRequested;
import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.FetchRequested;
import com.trackgeek.contracts.ItemSynced;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.SyncFailed;
import com.trackgeek.contracts.SyncLane;
import com.trackgeek.contracts.Topics;
import com.trackgeek.simulator.LoggedRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.trackgeek.contracts.MediaType.ANIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Anime syncs through the worker, and what the worker does with every kind of provider answer. */
class SyncWorkerIntegrationTest extends AbstractWorkerIntegrationTest {

    @Test
    void aFetchStoresTheRecordedValuesRecordsTheStateAndAnnouncesIt() {
        long id = recorded(ANIME, 5114);
        try (var events = probe(Topics.SYNC_EVENTS); var embeddings = probe(Topics.EMBEDDING_REQUESTS_HIGH)) {
            UUID requestId = request(ANIME, id);

            assertThat(awaitEvent(events, requestId)).isInstanceOf(ItemSynced.class);
            var embedding = json.readValue(embeddings.await(r -> r.value().contains(requestId.toString()), PATIENCE).value(),
                    EmbeddingRequested.class);
            assertThat(embedding.lane()).isEqualTo(EmbeddingLane.HIGH);
        }
        assertThat(jikan().requests().count(jikanPath(ANIME, id, ".*")))
                .as("full, characters, staff and videos").isEqualTo(4);

        JsonNode anime = document(ANIME, id).orElseThrow();
        assertThat(anime.get("malId").asLong()).isEqualTo(id);
        assertThat(anime.get("title").asString()).isEqualTo("Fullmetal Alchemist: Brotherhood");
        assertThat(anime.get("numberOfEpisodes").asInt()).isEqualTo(64);
        assertThat(anime.at("/aired/from").asString()).isEqualTo("2009-04-05T00:00:00Z");
        assertThat(anime.at("/aired/text").asString()).isEqualTo("Apr 5, 2009 to Jul 4, 2010");
        assertThat(anime.get("genres").findValuesAsString("name")).contains("Action", "Adventure");
        assertThat(anime.get("studios").findValuesAsString("name")).containsExactly("Bones");
        assertThat(anime.get("titles").findValuesAsString("title")).contains("FMAB");
        assertThat(anime.get("characters").size()).as("every character Jikan lists")
                .isEqualTo(servedList(ANIME, id, "characters").size()).isPositive();
        assertThat(anime.get("staff").size()).as("every staff member Jikan lists")
                .isEqualTo(servedList(ANIME, id, "staff").size()).isPositive();

        var columns = jdbc.sql("""
                        select title, release_year, released_on::text as released_on, release_status,
                               'FMAB' = any(alternative_titles) as searchable_by_alternative_title
                          from media_item where media_type = 'ANIME' and provider_id = :id""")
                .param("id", id).query().singleRow();
        assertThat(columns.get("title")).isEqualTo("Fullmetal Alchemist: Brotherhood");
        assertThat(columns.get("release_year")).isEqualTo(2009);
        assertThat(columns.get("released_on")).isEqualTo("2009-04-05");
        assertThat(columns.get("release_status")).isEqualTo("Finished Airing");
        assertThat(columns.get("searchable_by_alternative_title")).isEqualTo(true);
        assertThat(state(ANIME, id)).isEqualTo("pending_embeddings");
    }

    @Test
    void aRedeliveredCommandOfAFinishedRequestRepeatsItsOutcomeWithoutCallingTheProvider() {
        long id = recorded(ANIME, 5114);
        UUID requestId;
        try (var events = probe(Topics.SYNC_EVENTS)) {
            requestId = request(ANIME, id);
            awaitEvent(events, requestId);
        }
        try (var events = probe(Topics.SYNC_EVENTS); var embeddings = probe(Topics.EMBEDDING_REQUESTS_HIGH)) {
            send(FetchRequested.of(requestId, MediaKey.of(ANIME, id), SyncLane.INTERACTIVE, Instant.now()));

            assertThat(awaitEvent(events, requestId)).isInstanceOf(ItemSynced.class);
            // The first delivery may have died before its embedding request went out.
            embeddings.await(r -> r.value().contains(requestId.toString()), PATIENCE);
        }
        assertThat(calls(ANIME, id, "full")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from media_item where media_type = 'ANIME' and provider_id = :id")
                .param("id", id).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aRunningRequestIsTakenOverWhenItsCommandIsDeliveredAgain() {
        long id = recorded(ANIME, 5114);
        UUID requestId = queuedRequest(ANIME, id);
        // The worker that ran it died after claiming it, before committing the command's offset.
        jdbc.sql("update sync_request set status = 'running', attempts = 1, started_at = now() where id = :id")
                .param("id", requestId).update();

        try (var events = probe(Topics.SYNC_EVENTS)) {
            send(FetchRequested.of(requestId, MediaKey.of(ANIME, id), SyncLane.INTERACTIVE, Instant.now()));
            assertThat(awaitEvent(events, requestId)).isInstanceOf(ItemSynced.class);
        }
        assertThat(requestStatus(requestId)).isEqualTo("done");
        assertThat(jdbc.sql("select attempts from sync_request where id = :id").param("id", requestId).query(Integer.class).single())
                .isEqualTo(2);
    }

    @Test
    void aCommandOfAProducerThatKeepsNoRequestRowIsRecordedAndSynced() {
        long id = recorded(ANIME, 5114);
        UUID requestId = UUID.randomUUID();

        try (var events = probe(Topics.SYNC_EVENTS)) {
            send(FetchRequested.of(requestId, MediaKey.of(ANIME, id), SyncLane.INTERACTIVE, Instant.now()));
            assertThat(awaitEvent(events, requestId)).isInstanceOf(ItemSynced.class);
        }
        var row = jdbc.sql("select kind, lane, status, attempts from sync_request where id = :id").param("id", requestId).query().singleRow();
        assertThat(row).containsEntry("kind", "FETCH").containsEntry("lane", "INTERACTIVE")
                .containsEntry("status", "done").containsEntry("attempts", 1);
    }

    @Test
    void anErrorCodeThisVersionDoesNotKnowIsAnnouncedAsUnknownAndTheWorkerCarriesOn() {
        long id = newId();
        UUID requestId = queuedRequest(ANIME, id);
        // Written by a newer worker version, before this one got the redelivered command.
        jdbc.sql("""
                        update sync_request set status = 'failed', error_code = 'SOME_FUTURE_CODE',
                               error_detail = 'a reason from the future', finished_at = now() where id = :id""")
                .param("id", requestId).update();

        try (var events = probe(Topics.SYNC_EVENTS)) {
            send(FetchRequested.of(requestId, MediaKey.of(ANIME, id), SyncLane.INTERACTIVE, Instant.now()));

            var failed = (SyncFailed) awaitEvent(events, requestId);
            assertThat(failed.code()).isEqualTo(ErrorCode.UNKNOWN);
            assertThat(failed.detail()).isEqualTo("a reason from the future");
        }
        assertThat(calls(ANIME, id, ".*")).isZero();
        assertThat(requestErrorCode(requestId)).as("left as written").isEqualTo("SOME_FUTURE_CODE");

        long next = recorded(ANIME, 5114);
        try (var events = probe(Topics.SYNC_EVENTS)) {
            assertThat(awaitEvent(events, request(ANIME, next))).isInstanceOf(ItemSynced.class);
        }
    }

    @Test
    void jikansNotFoundFailsTheSyncWithTheTypesCodeAndIsRemembered() {
        long id = missingId();

        try (var events = probe(Topics.SYNC_EVENTS)) {
            var failed = (SyncFailed) awaitEvent(events, request(ANIME, id));
            assertThat(failed.code()).isEqualTo(ErrorCode.ANIME_NOT_FOUND);
        }
        try (var events = probe(Topics.SYNC_EVENTS)) {
            var again = (SyncFailed) awaitEvent(events, request(ANIME, id));
            assertThat(again.code()).isEqualTo(ErrorCode.ANIME_NOT_FOUND);
        }

        assertThat(calls(ANIME, id, "full")).as("the second request is answered from the remembered 404").isEqualTo(1);
        assertThat(calls(ANIME, id, "characters")).isZero();
        assertThat(state(ANIME, id)).isEqualTo("failed");
    }

    @Test
    void aProviderThatKeepsAnswering5xxIsRetriedThenReportedUnavailable() {
        long id = newId();
        jikan().script().respond(jikanPath(ANIME, id, "full"), 500, "jikan/error-500-upstream-exception-anime-full.json");

        UUID requestId;
        try (var events = probe(Topics.SYNC_EVENTS)) {
            requestId = request(ANIME, id);
            var failed = (SyncFailed) awaitEvent(events, requestId);
            assertThat(failed.code()).isEqualTo(ErrorCode.JIKAN_SERVICE_UNAVAILABLE);
            assertThat(failed.detail()).contains("HTTP 500");
        }
        assertThat(calls(ANIME, id, "full")).as("three attempts").isEqualTo(3);
        assertThat(requestStatus(requestId)).isEqualTo("failed");
    }

    @Test
    void aProviderThatDoesNotAnswerInTimeIsReportedUnavailable() {
        long id = recorded(ANIME, 5114);
        jikan().script().delay(jikanPath(ANIME, id, "full"), Duration.ofMillis(1500));

        try (var events = probe(Topics.SYNC_EVENTS)) {
            var failed = (SyncFailed) awaitEvent(events, request(ANIME, id));
            assertThat(failed.code()).isEqualTo(ErrorCode.JIKAN_SERVICE_UNAVAILABLE);
            assertThat(failed.detail()).contains("timed out");
        }
    }

    @Test
    void a429IsWaitedOutForItsRetryAfterAndThenTheSyncSucceeds() {
        long id = recorded(ANIME, 5114);
        String full = jikanPath(ANIME, id, "full");
        jikan().script().respond(full, 429, "jikan/error-429-rate-limited-constructed.json");

        long started = System.nanoTime();
        try (var events = probe(Topics.SYNC_EVENTS)) {
            UUID requestId = request(ANIME, id);
            // Jikan stops throttling once the first attempt was turned away; its Retry-After: 1 is waited out.
            await().atMost(PATIENCE).until(() -> calls(ANIME, id, "full") >= 1);
            jikan().script().clear(full);

            assertThat(awaitEvent(events, requestId)).isInstanceOf(ItemSynced.class);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        List<LoggedRequest> attempts = jikan().requests().requests(full);
        assertThat(attempts.getFirst().status()).isEqualTo(429);
        assertThat(attempts.getLast().status()).isEqualTo(200);
    }

    @Test
    void aBodyThatIsNotJikansShapeFailsTheSyncAsAnInvalidPayloadAndStoresNothing() {
        long id = newId();
        jikan().script().respondBody(jikanPath(ANIME, id, "full"), 200, "{\"data\": {\"mal_id\": \"not a number\"}}");

        try (var events = probe(Topics.SYNC_EVENTS)) {
            var failed = (SyncFailed) awaitEvent(events, request(ANIME, id));
            assertThat(failed.code()).isEqualTo(ErrorCode.PROVIDER_PAYLOAD_INVALID);
            assertThat(failed.detail()).contains("/anime/" + id + "/full", "data.mal_id");
        }
        assertThat(state(ANIME, id)).isEqualTo("failed");
        assertThat(document(ANIME, id)).isEmpty();
    }

    @Test
    void missingSubResourcesAreEmptyNotAFailure() {
        long id = recorded(ANIME, 5114);
        jikan().script().respond(jikanPath(ANIME, id, "(characters|staff|videos)"), 404, "jikan/error-404-anime-not-found.json");

        try (var events = probe(Topics.SYNC_EVENTS)) {
            assertThat(awaitEvent(events, request(ANIME, id))).isInstanceOf(ItemSynced.class);
        }
        JsonNode anime = document(ANIME, id).orElseThrow();
        assertThat(anime.get("characters").isEmpty()).isTrue();
        assertThat(anime.get("staff").isEmpty()).isTrue();
        assertThat(anime.at("/videos/promo").isEmpty()).isTrue();
    }

    /** The list the simulated Jikan serves for an item's sub-resource, asked of it directly. */
    private JsonNode servedList(MediaType type, long id, String resource) {
        try (var http = HttpClient.newHttpClient()) {
            var response = http.send(HttpRequest.newBuilder(URI.create(
                    jikan().jikanBaseUrl() + "/" + type.pathSegment() + "/" + id + "/" + resource)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return json.readTree(response.body()).get("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
