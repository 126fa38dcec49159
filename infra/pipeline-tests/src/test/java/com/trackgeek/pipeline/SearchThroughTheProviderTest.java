package com.trackgeek.pipeline;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Topics;
import com.trackgeek.testsupport.SharedInfrastructure;
import com.trackgeek.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Search as a person meets it, through the whole pipeline: the database first; the provider's own search (the
 * fakes serve the recorded search answers) when the database has too little, asked by the sync worker on the
 * API's behalf, its hits stored as partial items and completed by a full fetch on the bulk lane; its answer
 * shared by every API instance; and a provider that fails or is slow costing a flag, not the database's hits.
 */
class SearchThroughTheProviderTest {

    /** The search's bound in the API's default configuration ({@code trackgeek.api.search.provider-wait}). */
    private static final Duration BOUND = Duration.ofSeconds(3);

    private static final Pipeline pipeline = Pipeline.get();
    private static ConfigurableApplicationContext otherApi;

    @BeforeAll
    static void startASecondApiInstance() {
        otherApi = pipeline.startApi();
    }

    @AfterAll
    static void stopTheSecondApiInstance() {
        otherApi.close();
    }

    @ParameterizedTest(name = "{0} ''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            anime | mushishi                 | /jikan/v4/anime
            tv    | breaking bad             | /tmdb/3/search/tv
            game  | paper mario              | /igdb/v4/games
            book  | battle for the falklands | /hardcover/v1/graphql
            """)
    void anUnknownTitleIsFoundThroughItsProviderStoredPartialQueuedAndLaterCompleted(String type, String query, String providerPath) {
        MediaType mediaType = MediaType.fromPathSegment(type).orElseThrow();
        MediaKey hit;
        List<Long> fromProvider = new ArrayList<>();
        pipeline.pauseBulkLane();
        try (TopicProbe bulkLane = TopicProbe.openAtEnd(SharedInfrastructure.kafka().bootstrapServers(), Topics.SYNC_REQUESTS_BULK)) {
            int callsBefore = providerCalls(providerPath);

            JsonNode first = search(pipeline.apiUrl(), type, query);

            assertThat(first.get("providerIncluded").asBoolean()).as(first.toString()).isTrue();
            assertThat(first.get("providerMissing").asBoolean()).isFalse();
            assertThat(first.at("/providers/0/outcome").asString()).isEqualTo("answered");
            assertThat(providerCalls(providerPath)).as("one provider search").isEqualTo(callsBefore + 1);
            hitsFrom(first, "provider").forEach(item -> fromProvider.add(item.get("id").asLong()));
            JsonNode found = hitsFrom(first, "provider").getFirst();
            hit = MediaKey.of(mediaType, found.get("id").asLong());
            assertThat(found.get("title").asString()).isNotBlank();
            assertThat(found.at("/sync/partial").asBoolean()).as("shown as a search hit, not a full item").isTrue();
            assertThat(Database.partial(mediaType, hit.id())).as("stored at once, marked partial").isTrue();
            var fetch = bulkLane.await(record -> hit.toString().equals(record.key()), Duration.ofSeconds(30));
            assertThat(fetch.value()).contains("\"kind\":\"FETCH_REQUESTED\"").contains("\"lane\":\"BULK\"");

            JsonNode again = search(Pipeline.urlOf(otherApi), type, query);

            assertThat(ids(again)).as("the same hits on another API instance").containsAll(ids(first));
            assertThat(providerCalls(providerPath)).as("no second provider search").isEqualTo(callsBefore + 1);
            assertThat(again.get("providerMissing").asBoolean()).isFalse();
        } finally {
            pipeline.resumeBulkLane();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(Database.partial(mediaType, hit.id())).as("the full fetch completes the partial item").isFalse());
        awaitFullyFetched(mediaType, fromProvider);
        JsonNode later = search(pipeline.apiUrl(), type, query);
        assertThat(hitsFrom(later, "database")).anySatisfy(item -> {
            assertThat(item.get("id").asLong()).isEqualTo(hit.id());
            assertThat(item.at("/sync/partial").asBoolean()).isFalse();
        });
    }

    @Test
    void aProviderAnswerServesTheSameSearchFor24HoursOnEveryApiInstance() {
        // An answer the database cannot give by itself (the provider knows no such title), so only the shared
        // cache can spare the second provider call.
        String query = "Zzyzx Nothing Like It " + System.nanoTime();
        int callsBefore = providerCalls("/tmdb/3/search/movie");

        JsonNode first = search(pipeline.apiUrl(), "movie", query);
        JsonNode again = search(Pipeline.urlOf(otherApi), "movie", query.toUpperCase() + "  ");

        assertThat(first.at("/providers/0/outcome").asString()).as(first.toString()).isEqualTo("answered");
        assertThat(again.at("/providers/0/outcome").asString()).as(again.toString()).isEqualTo("cached");
        assertThat(again.get("providerMissing").asBoolean()).isFalse();
        assertThat(providerCalls("/tmdb/3/search/movie")).isEqualTo(callsBefore + 1);
    }

    @Test
    void aStoredTitleIsFoundByTheDatabaseAloneAlsoByAnAlternativeTitleAndWhateverTheCaseAndAccents() {
        var stored = ApiCalls.get(pipeline.apiUrl(), "/api/v1/anime/5114?wait=PT30S");
        assertThat(stored.status()).isEqualTo(200);
        int callsBefore = providerCalls("/jikan/v4/anime");

        for (String query : List.of("Fullmetal Alchemist: Brotherhood", "FULLMETAL ALCHEMIST: BROTHERHOOD",
                "Fullmétal Àlchemist: Brotherhood", "鋼の錬金術師 FULLMETAL ALCHEMIST", "Hagane no Renkinjutsushi: Fullmetal Alchemist")) {
            JsonNode answer = search(pipeline.apiUrl(), "anime", query);

            assertThat(ids(answer)).as(query).contains(5114L);
            assertThat(answer.get("providers")).as(query).isEmpty();
            assertThat(answer.get("providerIncluded").asBoolean()).isFalse();
        }
        assertThat(providerCalls("/jikan/v4/anime")).as("no provider search").isEqualTo(callsBefore);
    }

    @Test
    void aSearchOfManyNewHitsPutsTwoOnTheHighEmbeddingLaneAndTheRestOnTheLowOne() {
        Set<String> newHits;
        pipeline.pauseBulkLane();
        String bootstrap = SharedInfrastructure.kafka().bootstrapServers();
        try (TopicProbe high = TopicProbe.openAtEnd(bootstrap, Topics.EMBEDDING_REQUESTS_HIGH);
             TopicProbe low = TopicProbe.openAtEnd(bootstrap, Topics.EMBEDDING_REQUESTS_LOW)) {
            JsonNode answer = search(pipeline.apiUrl(), "game", "wwe smackdown");

            newHits = hitsFrom(answer, "provider").stream()
                    .map(item -> MediaKey.of(MediaType.GAME, item.get("id").asLong()).toString())
                    .collect(Collectors.toSet());
            assertThat(newHits).as(answer.toString()).hasSizeGreaterThan(2);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(low.drain(Duration.ofMillis(200)).stream().filter(r -> newHits.contains(r.key())).count())
                            .isEqualTo(newHits.size() - 2L));
            assertThat(high.drain(Duration.ofSeconds(1)).stream().filter(r -> newHits.contains(r.key())).count())
                    .isEqualTo(2);
        } finally {
            pipeline.resumeBulkLane();
        }
        awaitFullyFetched(MediaType.GAME, newHits.stream().map(key -> MediaKey.parse(key).id()).toList());
    }

    /**
     * The bulk lane's fetches of a test's hits are done before the next test counts provider calls: IGDB and
     * Hardcover answer searches and fetches on one path.
     */
    private static void awaitFullyFetched(MediaType type, List<Long> ids) {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(ids)
                .allSatisfy(id -> assertThat(Database.partial(type, id)).as(type + " " + id).isFalse()));
    }

    @Test
    void withItsProviderFailingTheDatabaseHitsComeBackWithinTheBoundFlagged() {
        // A title few stored items share (FMA:B's, served under another id), searched by part of it: the database
        // finds it but neither by its whole name nor with five good hits, so the provider is wanted.
        long id = 41_977;
        pipeline.providers.jikan().serveRecordedAs("anime", id, 5114);
        var stored = ApiCalls.get(pipeline.apiUrl(), "/api/v1/anime/" + id + "?wait=PT30S");
        assertThat(stored.status()).isEqualTo(200);
        String word = "fullmetal alchemist: brotherhoo";
        pipeline.providers.script().respond("/jikan/v4/anime", 504, "jikan/error-504-bad-response-exception-search.json");
        try {
            long started = System.nanoTime();
            JsonNode answer = search(pipeline.apiUrl(), "anime", word);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(ids(answer)).as(answer.toString()).contains(id);
            assertThat(hitsFrom(answer, "provider")).isEmpty();
            assertThat(answer.get("providerMissing").asBoolean()).isTrue();
            assertThat(answer.get("providerIncluded").asBoolean()).isFalse();
            JsonNode part = answer.at("/providers/0");
            assertThat(part.get("outcome").asString()).isIn("failed", "timed_out");
            if (part.get("outcome").asString().equals("failed")) {
                assertThat(part.get("code").asString()).isEqualTo("JIKAN_SERVICE_UNAVAILABLE");
            }
            assertThat(took).as("the bound plus the database's time").isLessThan(BOUND.plusSeconds(2));
        } finally {
            pipeline.providers.script().clear("/jikan/v4/anime");
            pipeline.providers.jikan().reset();
        }
    }

    @Test
    void withItsProviderSlowTheDatabaseHitsComeBackAtTheBoundAndTheLateAnswerServesTheNextSearch() {
        var stored = ApiCalls.get(pipeline.apiUrl(), "/api/v1/movie/671?wait=PT30S");
        assertThat(stored.status()).isEqualTo(200);
        String query = "philosopher's stone";
        pipeline.providers.script().delay("/tmdb/3/search/movie", BOUND.plusSeconds(2));
        try {
            long started = System.nanoTime();
            JsonNode answer = search(pipeline.apiUrl(), "movie", query);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(ids(answer)).as(answer.toString()).contains(671L);
            assertThat(answer.get("providerMissing").asBoolean()).isTrue();
            assertThat(answer.at("/providers/0/outcome").asString()).isEqualTo("timed_out");
            assertThat(took).isGreaterThanOrEqualTo(BOUND).isLessThan(BOUND.plusSeconds(2));
        } finally {
            pipeline.providers.script().clear("/tmdb/3/search/movie");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode next = search(Pipeline.urlOf(otherApi), "movie", query);
            assertThat(next.at("/providers/0/outcome").asString()).isIn("answered", "cached");
            assertThat(next.get("providerMissing").asBoolean()).isFalse();
        });
    }

    private static JsonNode search(String apiUrl, String type, String query) {
        var answer = ApiCalls.get(apiUrl, "/api/v1/" + type + "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    private static List<JsonNode> hitsFrom(JsonNode answer, String source) {
        List<JsonNode> hits = new ArrayList<>();
        answer.get("items").forEach(item -> {
            if (source.equals(item.get("source").asString())) {
                hits.add(item);
            }
        });
        return hits;
    }

    private static List<Long> ids(JsonNode answer) {
        List<Long> ids = new ArrayList<>();
        answer.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private static int providerCalls(String path) {
        return pipeline.providers.requests().count(path);
    }
}
