package com.trackgeek.sync.command;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.trackgeek.contracts.EmbeddingLane;
import com.trackgeek.contracts.EmbeddingRequested;
import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.FetchRequested;
import com.trackgeek.contracts.ItemSynced;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.SyncEvent;
import com.trackgeek.contracts.SyncFailed;
import com.trackgeek.contracts.SyncLane;
import com.trackgeek.contracts.Topics;
import com.trackgeek.testsupport.Fixtures;
import com.trackgeek.testsupport.JikanBodies;
import com.trackgeek.testsupport.SharedInfrastructure;
import com.trackgeek.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker alone, as the API drives it: a request row and a command on the interactive lane in, the item,
 * its state and the events out. Jikan is faked over HTTP with the real recorded bodies.
 */
@SpringBootTest(properties = {
        "spring.config.name=sync-worker",
        "server.port=0",
        "trackgeek.providers.jikan.read-timeout=500ms",
        "trackgeek.providers.jikan.retry.initial-backoff=20ms",
        "trackgeek.providers.jikan.retry.max-backoff=2s",
        "trackgeek.providers.jikan.circuit-breaker.minimum-calls=1000",
        "trackgeek.providers.jikan.limits[0].requests=100",
        "trackgeek.providers.jikan.limits[0].per=1s",
        "trackgeek.providers.jikan.limits[1].requests=1000",
        "trackgeek.providers.jikan.limits[1].per=1m",
        "trackgeek.providers.jikan.limits[1].burst=20",
})
class SyncWorkerIntegrationTest {

    private static final AtomicLong NEXT_ID = new AtomicLong(910_000);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final WireMockServer JIKAN = new WireMockServer(options().dynamicPort());

    static {
        JIKAN.start();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SharedInfrastructure.register(registry);
        registry.add("trackgeek.providers.jikan.base-url", () -> JIKAN.baseUrl() + "/v4");
    }

    @Autowired
    KafkaTemplate<Object, Object> kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    @AfterEach
    void resetFake() {
        JIKAN.resetAll();
    }

    @Test
    void aFetchStoresTheFixturesValuesRecordsTheStateAndAnnouncesIt() {
        long id = stubFullAnime();
        try (var events = probe(Topics.SYNC_EVENTS); var embeddings = probe(Topics.EMBEDDING_REQUESTS_HIGH)) {
            UUID requestId = request(id);

            assertThat(awaitEvent(events, requestId)).isInstanceOf(ItemSynced.class);
            var embedding = json.readValue(embeddings.await(r -> r.value().contains(requestId.toString()), PATIENCE).value(),
                    EmbeddingRequested.class);
            assertThat(embedding.lane()).isEqualTo(EmbeddingLane.HIGH);
        }

        var row = jdbc.sql("""
                        select title, number_of_episodes, aired_from::date::text as aired_from,
                               jsonb_array_length(characters) as characters, jsonb_array_length(staff) as staff,
                               genres::text as genres, studios::text as studios, titles::text as titles
                          from anime where mal_id = :id""")
                .param("id", id).query().singleRow();
        assertThat(row.get("title")).isEqualTo("Fullmetal Alchemist: Brotherhood");
        assertThat(row.get("number_of_episodes")).isEqualTo(64);
        assertThat(row.get("aired_from")).isEqualTo("2009-04-05");
        assertThat(row.get("characters")).isEqualTo(48);
        assertThat(row.get("staff")).isEqualTo(92);
        assertThat((String) row.get("genres")).contains("\"name\": \"Action\"");
        assertThat((String) row.get("studios")).contains("\"name\": \"Bones\"");
        assertThat((String) row.get("titles")).contains("FMAB");
        assertThat(state(id)).isEqualTo("pending_embeddings");
        assertThat(JIKAN.countRequestsMatching(getRequestedFor(urlPathMatching("/v4/anime/" + id + "/.*")).build()).getCount())
                .as("full, characters, staff and videos").isEqualTo(4);
    }

    @Test
    void aRedeliveredCommandOfAFinishedRequestRepeatsItsOutcomeWithoutCallingTheProvider() {
        long id = stubFullAnime();
        UUID requestId;
        try (var events = probe(Topics.SYNC_EVENTS)) {
            requestId = request(id);
            awaitEvent(events, requestId);
        }
        try (var events = probe(Topics.SYNC_EVENTS); var embeddings = probe(Topics.EMBEDDING_REQUESTS_HIGH)) {
            send(FetchRequested.of(requestId, MediaKey.of(MediaType.ANIME, id), SyncLane.INTERACTIVE, Instant.now()));

            assertThat(awaitEvent(events, requestId)).isInstanceOf(ItemSynced.class);
            // The first delivery may have died before its embedding request went out.
            embeddings.await(r -> r.value().contains(requestId.toString()), PATIENCE);
        }
        assertThat(fullCalls(id)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from anime where mal_id = :id").param("id", id).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void jikansNotFoundFailsTheSyncWithTheTypesCodeAndIsRemembered() {
        long id = NEXT_ID.incrementAndGet();
        JIKAN.stubFor(get(urlPathEqualTo("/v4/anime/" + id + "/full"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.body("jikan/error-404-anime-not-found.json"))));

        try (var events = probe(Topics.SYNC_EVENTS)) {
            var failed = (SyncFailed) awaitEvent(events, request(id));
            assertThat(failed.code()).isEqualTo(ErrorCode.ANIME_NOT_FOUND);
        }
        try (var events = probe(Topics.SYNC_EVENTS)) {
            var again = (SyncFailed) awaitEvent(events, request(id));
            assertThat(again.code()).isEqualTo(ErrorCode.ANIME_NOT_FOUND);
        }

        assertThat(fullCalls(id)).as("the second request is answered from the remembered 404").isEqualTo(1);
        assertThat(state(id)).isEqualTo("failed");
        assertThat(JIKAN.countRequestsMatching(getRequestedFor(urlPathEqualTo("/v4/anime/" + id + "/characters")).build()).getCount()).isZero();
    }

    @Test
    void aProviderThatKeepsAnswering5xxIsRetriedThenReportedUnavailable() {
        long id = NEXT_ID.incrementAndGet();
        JIKAN.stubFor(get(urlPathEqualTo("/v4/anime/" + id + "/full"))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.body("jikan/error-500-upstream-exception-anime-full.json"))));

        try (var events = probe(Topics.SYNC_EVENTS)) {
            var failed = (SyncFailed) awaitEvent(events, request(id));
            assertThat(failed.code()).isEqualTo(ErrorCode.JIKAN_SERVICE_UNAVAILABLE);
            assertThat(failed.detail()).contains("HTTP 500");
        }
        assertThat(fullCalls(id)).as("three attempts").isEqualTo(3);
        assertThat(requestStatus(id)).isEqualTo("failed");
    }

    @Test
    void aProviderThatDoesNotAnswerInTimeIsReportedUnavailable() {
        long id = NEXT_ID.incrementAndGet();
        JIKAN.stubFor(get(urlPathEqualTo("/v4/anime/" + id + "/full"))
                .willReturn(okJson(fullBody(id)).withFixedDelay(1500)));

        try (var events = probe(Topics.SYNC_EVENTS)) {
            var failed = (SyncFailed) awaitEvent(events, request(id));
            assertThat(failed.code()).isEqualTo(ErrorCode.JIKAN_SERVICE_UNAVAILABLE);
            assertThat(failed.detail()).contains("timed out");
        }
    }

    @Test
    void a429IsWaitedOutForItsRetryAfterAndThenTheSyncSucceeds() {
        long id = stubFullAnime();
        JIKAN.stubFor(get(urlPathEqualTo("/v4/anime/" + id + "/full")).inScenario("throttled")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.body("jikan/error-429-rate-limited-constructed.json")))
                .willSetStateTo("served"));
        JIKAN.stubFor(get(urlPathEqualTo("/v4/anime/" + id + "/full")).inScenario("throttled")
                .whenScenarioStateIs("served").willReturn(okJson(fullBody(id))));

        long started = System.nanoTime();
        try (var events = probe(Topics.SYNC_EVENTS)) {
            assertThat(awaitEvent(events, request(id))).isInstanceOf(ItemSynced.class);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(fullCalls(id)).isEqualTo(2);
    }

    @Test
    void aBodyThatIsNotJikansShapeFailsTheSyncAsAnInvalidPayload() {
        long id = NEXT_ID.incrementAndGet();
        JIKAN.stubFor(get(urlPathEqualTo("/v4/anime/" + id + "/full")).willReturn(okJson("{\"data\": {\"mal_id\": \"not a number\"}}")));

        try (var events = probe(Topics.SYNC_EVENTS)) {
            var failed = (SyncFailed) awaitEvent(events, request(id));
            assertThat(failed.code()).isEqualTo(ErrorCode.PROVIDER_PAYLOAD_INVALID);
        }
        assertThat(state(id)).isEqualTo("failed");
    }

    @Test
    void missingSubResourcesAreEmptyNotAFailure() {
        long id = NEXT_ID.incrementAndGet();
        JIKAN.stubFor(get(urlPathEqualTo("/v4/anime/" + id + "/full")).willReturn(okJson(fullBody(id))));
        JIKAN.stubFor(get(urlPathMatching("/v4/anime/" + id + "/(characters|staff|videos)"))
                .willReturn(aResponse().withStatus(404).withBody(Fixtures.body("jikan/error-404-anime-not-found.json"))));

        try (var events = probe(Topics.SYNC_EVENTS)) {
            assertThat(awaitEvent(events, request(id))).isInstanceOf(ItemSynced.class);
        }
        assertThat(jdbc.sql("select jsonb_array_length(characters) from anime where mal_id = :id").param("id", id)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void garbageOnTheRequestTopicGoesToItsDeadLetterTopicAndTheNextCommandIsProcessed() {
        long id = stubFullAnime();
        try (var deadLetters = probe(Topics.deadLetter(Topics.SYNC_REQUESTS_INTERACTIVE)); var events = probe(Topics.SYNC_EVENTS)) {
            kafka.send(Topics.SYNC_REQUESTS_INTERACTIVE, "ANIME:" + id, "{\"kind\":\"FETCH_REQUESTED\",garbage".getBytes(StandardCharsets.UTF_8));
            UUID requestId = request(id);

            var dead = deadLetters.await(r -> r.value().contains("garbage"), PATIENCE);
            assertThat(TopicProbe.header(dead, "trackgeek-dlt-code"))
                    .isEqualTo("MALFORMED_MESSAGE");
            assertThat(TopicProbe.header(dead, "trackgeek-dlt-reason")).isNotBlank();
            assertThat(awaitEvent(events, requestId)).isInstanceOf(ItemSynced.class);
        }
    }

    // --- the API's part, played by the test ---

    private UUID request(long malId) {
        UUID requestId = UUID.randomUUID();
        jdbc.sql("insert into sync_request (id, media_type, provider_id, kind, lane, status) values (:id, 'ANIME', :malId, 'FETCH', 'INTERACTIVE', 'queued')")
                .param("id", requestId).param("malId", malId).update();
        send(FetchRequested.of(requestId, MediaKey.of(MediaType.ANIME, malId), SyncLane.INTERACTIVE, Instant.now()));
        return requestId;
    }

    private void send(FetchRequested command) {
        kafka.send(Topics.SYNC_REQUESTS_INTERACTIVE, command.item().toString(), command).join();
    }

    private SyncEvent awaitEvent(TopicProbe events, UUID requestId) {
        return json.readValue(events.await(r -> r.value().contains(requestId.toString()), PATIENCE).value(), SyncEvent.class);
    }

    private static TopicProbe probe(String topic) {
        return TopicProbe.openAtEnd(SharedInfrastructure.kafka().bootstrapServers(), topic);
    }

    // --- the fake Jikan ---

    /** FMA:B's real /full body under a fresh id, with SAO's real characters and staff. */
    private static long stubFullAnime() {
        long id = NEXT_ID.incrementAndGet();
        JIKAN.stubFor(get(urlPathEqualTo("/v4/anime/" + id + "/full")).willReturn(okJson(fullBody(id))));
        JIKAN.stubFor(get(urlPathEqualTo("/v4/anime/" + id + "/characters")).willReturn(okJson(JikanBodies.characters())));
        JIKAN.stubFor(get(urlPathEqualTo("/v4/anime/" + id + "/staff")).willReturn(okJson(JikanBodies.staff())));
        JIKAN.stubFor(get(urlPathEqualTo("/v4/anime/" + id + "/videos")).willReturn(okJson(JikanBodies.EMPTY_VIDEOS)));
        return id;
    }

    private static String fullBody(long id) {
        return JikanBodies.fullAnimeAs(id);
    }

    private static int fullCalls(long id) {
        return JIKAN.countRequestsMatching(getRequestedFor(urlPathEqualTo("/v4/anime/" + id + "/full")).build()).getCount();
    }

    private String state(long id) {
        return jdbc.sql("select status from sync_state where media_type = 'ANIME' and provider_id = :id").param("id", id).query(String.class).single();
    }

    private String requestStatus(long id) {
        return jdbc.sql("select status from sync_request where media_type = 'ANIME' and provider_id = :id order by created_at desc limit 1")
                .param("id", id).query(String.class).single();
    }
}
