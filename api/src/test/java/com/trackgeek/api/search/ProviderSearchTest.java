package com.trackgeek.api.search;

import com.trackgeek.api.ApiIntegrationTest;
import com.trackgeek.api.media.ServedMediaTypes;
import com.trackgeek.api.quota.ClientQuota;
import com.trackgeek.servicekit.items.CatalogSearch;
import com.trackgeek.api.CatalogFixtures;
import com.trackgeek.api.FakeSyncWorker;
import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.ProviderSearchRequested;
import com.trackgeek.contracts.catalog.CatalogItem;
import com.trackgeek.testsupport.TopicProbe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's half of the providers' searches, with the test playing the sync worker: when the database cannot
 * answer, one command per key goes to the worker, the caller waits no longer than the bound, the answer is
 * merged after the database's hits and shared for a day, a failure is remembered briefly, and a search that
 * cannot even reach Kafka still answers, flagged. The bound here is 300 ms ({@code ApiIntegrationTest}).
 */
class ProviderSearchTest extends ApiIntegrationTest {

    /** Outside a request it limits nothing: these searches are nobody's. */
    @Autowired
    private ClientQuota quota;

    @Autowired
    private ProviderSearchCache cache;

    @Autowired
    private SearchProperties properties;

    @Autowired
    private CatalogSearch catalog;

    @Autowired
    private ProviderSearches providerSearches;

    @Autowired
    private ServedMediaTypes served;

    @Test
    void aSearchTheDatabaseCannotAnswerAsksTheWorkerOnceForAllConcurrentCallersAndComesBackFlagged() throws Exception {
        String word = word();
        MediaKey stored = newAnimeKey();
        worker().store(CatalogFixtures.anime(stored.id(), "Kessen " + word + " Alpha"), UUID.randomUUID());

        try (TopicProbe searches = FakeSyncWorker.watchProviderSearches()) {
            List<JsonNode> answers = concurrently(8, () -> search("/api/v1/anime/search", "KESSEN  " + word.toUpperCase()));

            assertThat(answers).allSatisfy(answer -> {
                assertThat(ids(answer)).containsExactly(stored.id());
                assertThat(answer.get("providerMissing").asBoolean()).isTrue();
                assertThat(answer.get("providerIncluded").asBoolean()).isFalse();
                assertThat(answer.at("/providers/0/type").asString()).isEqualTo("anime");
                assertThat(answer.at("/providers/0/provider").asString()).isEqualTo("jikan");
                assertThat(answer.at("/providers/0/outcome").asString()).isEqualTo("timed_out");
            });
            List<ProviderSearchRequested> published = FakeSyncWorker.drainSearches(searches, word, Duration.ofSeconds(2), json);
            assertThat(published).as("one command for eight callers").hasSize(1);
            assertThat(published.getFirst().type()).isEqualTo(MediaType.ANIME);
            assertThat(published.getFirst().query()).as("normalised").isEqualTo("kessen " + word);
            assertThat(published.getFirst().page()).isEqualTo(1);
            assertThat(published.getFirst().limit()).isEqualTo(20);
        }
    }

    @Test
    void theProvidersHitsFollowTheDatabasesAndServeEveryIdenticalSearchUntilTheyExpire() {
        String word = word();
        MediaKey stored = newAnimeKey();
        worker().store(CatalogFixtures.anime(stored.id(), "Zenith " + word + " Prime"), UUID.randomUUID());
        MediaKey firstNew = newAnimeKey();
        MediaKey secondNew = newAnimeKey();
        String path = "/api/v1/anime/search";

        try (TopicProbe searches = FakeSyncWorker.watchProviderSearches()) {
            search(path, "zenith " + word);
            ProviderSearchRequested asked = FakeSyncWorker.drainSearches(searches, word, Duration.ofSeconds(2), json).getFirst();
            // Providers match more than titles (synopses, other languages): hits the database's title search
            // would not find by this query, so they can only come from the provider's answer.
            worker().answerSearch(asked, List.of(
                    CatalogFixtures.anime(firstNew.id(), "Kaiju Origins"),
                    CatalogFixtures.anime(stored.id(), "Zenith " + word + " Prime (search hit)"),
                    CatalogFixtures.anime(secondNew.id(), "Moonlit Harbour")), 57L, true);

            JsonNode answer = search(path, "Zénith " + word);

            assertThat(ids(answer)).as("database hit first, then the provider's others in its order")
                    .containsExactly(stored.id(), firstNew.id(), secondNew.id());
            assertThat(sources(answer)).containsExactly("database", "provider", "provider");
            assertThat(answer.at("/items/0/title").asString()).as("a full item is not replaced by a hit")
                    .isEqualTo("Zenith " + word + " Prime");
            assertThat(answer.at("/items/1/sync/partial").asBoolean()).isTrue();
            assertThat(answer.at("/items/0/sync/partial").asBoolean()).isFalse();
            assertThat(answer.get("total").asLong()).as("the provider's count").isEqualTo(57);
            assertThat(answer.get("hasMore").asBoolean()).isTrue();
            assertThat(answer.get("providerIncluded").asBoolean()).isTrue();
            assertThat(answer.get("providerMissing").asBoolean()).isFalse();
            assertThat(answer.at("/providers/0/outcome").asString()).isEqualTo("cached");
            assertThat(answer.at("/providers/0/answeredAt").isMissingNode()).isFalse();
            assertThat(FakeSyncWorker.drainSearches(searches, word, Duration.ofMillis(500), json))
                    .as("a cached answer asks nobody").isEmpty();

            age(asked, properties.cacheTtl().plusMinutes(1));
            search(path, "zenith " + word);

            assertThat(FakeSyncWorker.drainSearches(searches, word, Duration.ofSeconds(2), json))
                    .as("an expired answer is asked anew").hasSize(1);
        }
    }

    @Test
    void aFailedProviderSearchIsAnsweredAsFailedForItsShortLifetimeThenAskedAgain() {
        String word = word();
        String path = "/api/v1/manga/search";
        try (TopicProbe searches = FakeSyncWorker.watchProviderSearches()) {
            search(path, "quasar " + word);
            ProviderSearchRequested asked = FakeSyncWorker.drainSearches(searches, word, Duration.ofSeconds(2), json).getFirst();
            worker().failSearch(asked, ErrorCode.JIKAN_SERVICE_UNAVAILABLE, "Jikan answered 504 three times");

            JsonNode answer = search(path, "quasar " + word);

            assertThat(answer.get("providerMissing").asBoolean()).isTrue();
            assertThat(answer.at("/providers/0/outcome").asString()).isEqualTo("failed");
            assertThat(answer.at("/providers/0/code").asString()).isEqualTo("JIKAN_SERVICE_UNAVAILABLE");
            assertThat(answer.at("/providers/0/detail").asString()).isEqualTo("Jikan answered 504 three times");
            assertThat(FakeSyncWorker.drainSearches(searches, word, Duration.ofMillis(500), json)).isEmpty();

            age(asked, properties.failureTtl().plusSeconds(1));
            search(path, "quasar " + word);

            assertThat(FakeSyncWorker.drainSearches(searches, word, Duration.ofSeconds(2), json)).hasSize(1);
        }
    }

    @Test
    void theSearchAcrossTypesAsksEveryServedTypesProviderAndTakesTheirHitsInTurn() {
        String word = word();
        MediaKey anime1 = newKey(MediaType.ANIME);
        MediaKey anime2 = newKey(MediaType.ANIME);
        MediaKey manga1 = newKey(MediaType.MANGA);
        try (TopicProbe searches = FakeSyncWorker.watchProviderSearches()) {
            search("/api/v1/search", "nebula " + word);
            List<ProviderSearchRequested> asked = FakeSyncWorker.drainSearches(searches, word, Duration.ofSeconds(3), json);

            Set<MediaType> types = EnumSet.noneOf(MediaType.class);
            asked.forEach(search -> types.add(search.type()));
            assertThat(types).as("every type this deployment serves, and no other")
                    .containsExactlyInAnyOrder(MediaType.ANIME, MediaType.MANGA, MediaType.MOVIE, MediaType.TV_SHOW, MediaType.GAME);
            for (ProviderSearchRequested search : asked) {
                List<CatalogItem> hits = switch (search.type()) {
                    case ANIME -> List.of(CatalogFixtures.anime(anime1.id(), "Star Drifters"), CatalogFixtures.anime(anime2.id(), "Star Drifters 2"));
                    case MANGA -> List.of(CatalogFixtures.manga(manga1.id(), "Drifting Stars"));
                    default -> List.of();
                };
                worker().answerSearch(search, hits, null, search.type() == MediaType.ANIME);
            }
        }

        JsonNode answer = search("/api/v1/search", "nebula " + word);

        assertThat(ids(answer)).containsExactly(anime1.id(), manga1.id(), anime2.id());
        assertThat(answer.get("total").isNull()).as("unknown: more anime to come, and no provider gave a count").isTrue();
        assertThat(answer.get("hasMore").asBoolean()).isTrue();
        assertThat(answer.get("providers")).hasSize(5);
    }

    @Test
    void withTheProviderFallbackOffEverySearchIsTheDatabasesAlone() {
        var off = new SearchProperties(properties.goodScore(), properties.minGoodHits(), false, properties.providerWait(),
                properties.cacheTtl(), properties.failureTtl(), properties.runningTimeout(), properties.pollInterval());
        var search = new SearchService(catalog, providerSearches, served, off);
        String word = word();

        try (TopicProbe searches = FakeSyncWorker.watchProviderSearches()) {
            SearchResults results = search.search(SearchRequest.of("anime", "nothing is called " + word, null, null));

            assertThat(results.items()).isEmpty();
            assertThat(results.providers()).isEmpty();
            assertThat(results.providerMissing()).isFalse();
            assertThat(FakeSyncWorker.drainSearches(searches, word, Duration.ofSeconds(1), json)).isEmpty();
        }
    }

    @Test
    void aPartialItemIsNotServedAsTheItemReadingItStartsItsFullFetch() {
        MediaKey key = newAnimeKey();
        items.upsertPartial(CatalogFixtures.anime(key.id(), "Only a search hit"));

        try (TopicProbe commands = FakeSyncWorker.watchInteractiveLane()) {
            var response = get(itemPath(key) + "?wait=PT0S");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            FakeSyncWorker.awaitCommand(commands, key, json);
        }
    }

    @Test
    void aSearchKafkaDoesNotTakeFailsItsProviderPartWithPipelineUnavailable() throws IOException {
        var producers = new DefaultKafkaProducerFactory<Object, Object>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 300,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class),
                null, new JacksonJsonSerializer<Object>(json).noTypeInfo());
        try {
            var searches = new ProviderSearches(cache, new KafkaTemplate<>(producers), properties, new SimpleMeterRegistry(),
                    quota);

            List<ProviderPart> parts = searches.search(EnumSet.of(MediaType.MOVIE), "orbit " + word(), 1, 20);

            assertThat(parts).singleElement().satisfies(part -> {
                assertThat(part.outcome()).isEqualTo(ProviderPart.Outcome.FAILED);
                assertThat(part.row().errorCode()).isEqualTo(ErrorCode.PIPELINE_UNAVAILABLE);
            });
        } finally {
            producers.destroy();
        }
    }

    private void age(ProviderSearchRequested search, Duration by) {
        jdbc.sql("""
                        update provider_search
                           set answered_at = answered_at - cast(:by as interval), requested_at = requested_at - cast(:by as interval)
                         where media_type = :type and query = :query and page = :page and page_size = :limit""")
                .param("by", by.toMillis() + " milliseconds")
                .param("type", search.type().name())
                .param("query", search.query())
                .param("page", search.page())
                .param("limit", search.limit())
                .update();
    }

    private JsonNode search(String path, String query) {
        var response = get(path + "?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static List<JsonNode> concurrently(int callers, Callable<JsonNode> call) throws Exception {
        try (var pool = Executors.newFixedThreadPool(callers)) {
            List<Future<JsonNode>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(call));
            }
            List<JsonNode> answers = new ArrayList<>();
            for (Future<JsonNode> future : futures) {
                answers.add(future.get());
            }
            return answers;
        }
    }

    private static List<Long> ids(JsonNode answer) {
        List<Long> ids = new ArrayList<>();
        answer.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private static List<String> sources(JsonNode answer) {
        List<String> sources = new ArrayList<>();
        answer.get("items").forEach(item -> sources.add(item.get("source").asString()));
        return sources;
    }

    /** A word no other test stores, lower case, so a query names this test's items only. */
    private static String word() {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
