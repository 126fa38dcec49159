package com.trackgeek.api.quota;

import com.trackgeek.api.ApiIntegrationTest;
import com.trackgeek.api.CatalogFixtures;
import com.trackgeek.api.FakeSyncWorker;
import com.trackgeek.api.SecondInstance;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.ProviderSearchRequested;
import com.trackgeek.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each client's quota of requests that spend provider budget, on two api instances of their own that share the
 * database (the suite's instance is configured never to reach its quota): an address without a key may start 2
 * provider calls per 30 s, a key 3, the keys {@code frugal} and {@code thrifty} 1. Every test is a client nobody else is: an address of
 * its own on the loopback network (127.x.y.z, all of which reach the local server), or a key whose name is new in
 * every run, so a reused database's buckets never meet a test.
 */
class QuotaTest extends ApiIntegrationTest {

    private static final int ANONYMOUS = 2;
    private static final int KEYED = 3;
    private static final long PERIOD_SECONDS = 30;
    private static final String RUN = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    /** Its own quota is 1. */
    private static final String FRUGAL_NAME = "frugal-" + RUN;
    private static final String FRUGAL_KEY = "quota-test-frugal-" + UUID.randomUUID();
    /** The default keyed quota. */
    private static final String ROOMY_NAME = "roomy-" + RUN;
    private static final String ROOMY_KEY = "quota-test-roomy-" + UUID.randomUUID();
    /** May refresh and start bulk syncs; its own quota is 1. */
    private static final String THRIFTY_KEY = "quota-test-thrifty-" + UUID.randomUUID();
    /** The default keyed quota, for the test that needs a key nobody spends. */
    private static final String SPARE_KEY = "quota-test-spare-" + UUID.randomUUID();

    private static SecondInstance first;
    private static SecondInstance second;

    @BeforeAll
    static void twoInstancesSharingTheDatabase() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("trackgeek.api.quota.period", PERIOD_SECONDS + "s");
        settings.put("trackgeek.api.quota.anonymous", ANONYMOUS);
        settings.put("trackgeek.api.quota.keyed", KEYED);
        settings.put("trackgeek.api.security.keys[0].name", FRUGAL_NAME);
        settings.put("trackgeek.api.security.keys[0].hash", "{sha256}" + sha256(FRUGAL_KEY));
        settings.put("trackgeek.api.security.keys[0].quota", 1);
        settings.put("trackgeek.api.security.keys[1].name", ROOMY_NAME);
        settings.put("trackgeek.api.security.keys[1].hash", "{sha256}" + sha256(ROOMY_KEY));
        settings.put("trackgeek.api.security.keys[2].name", "thrifty-" + RUN);
        settings.put("trackgeek.api.security.keys[2].hash", "{sha256}" + sha256(THRIFTY_KEY));
        settings.put("trackgeek.api.security.keys[2].scopes", "items:refresh,bulk-syncs:write");
        settings.put("trackgeek.api.security.keys[2].quota", 1);
        settings.put("trackgeek.api.security.keys[3].name", "spare-" + RUN);
        settings.put("trackgeek.api.security.keys[3].hash", "{sha256}" + sha256(SPARE_KEY));
        // As in the suite's instance: no worker answers searches, and nobody else's bulk jobs are published again.
        settings.put("trackgeek.api.search.provider-wait", "300ms");
        settings.put("trackgeek.api.bulk-syncs.sweep-interval", "1h");
        first = SecondInstance.start(settings);
        second = SecondInstance.start(settings);
    }

    @AfterAll
    static void stop() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    void anAddressPastItsQuotaGets429WithRetryAfterAndNothingIsFetched() {
        Client client = Client.anonymous();
        spendAll(client, first, ANONYMOUS);
        MediaKey refused = newAnimeKey();

        try (TopicProbe commands = FakeSyncWorker.watchInteractiveLane()) {
            var response = client.get(first, itemPath(refused) + "?wait=PT0S");

            assertProblem(response, 429, "QUOTA_EXCEEDED");
            assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                    assertThat(Long.parseLong(seconds)).isBetween(1L, PERIOD_SECONDS));
            assertThat(json(response).get("detail").asString()).contains("This address")
                    .contains(ANONYMOUS + " per " + PERIOD_SECONDS + " s").doesNotContain("127.");
            assertThat(FakeSyncWorker.drainCommands(commands, refused, Duration.ofSeconds(1), json))
                    .as("no fetch published").isEmpty();
        }
        assertThat(syncRequestCount(refused)).as("no sync request recorded").isZero();
    }

    @Test
    void otherClientsAreNotLimitedByIt() {
        Client spent = Client.anonymous();
        spendAll(spent, first, ANONYMOUS);
        assertProblem(spent.get(first, itemPath(newAnimeKey()) + "?wait=PT0S"), 429, "QUOTA_EXCEEDED");

        assertThat(Client.anonymous().get(first, itemPath(newAnimeKey()) + "?wait=PT0S").statusCode())
                .as("another address").isEqualTo(202);
        assertThat(spent.withKey(SPARE_KEY).get(first, itemPath(newAnimeKey()) + "?wait=PT0S").statusCode())
                .as("the same address with a key").isEqualTo(202);
    }

    @Test
    void storedItemsAreAnsweredToAClientPastItsQuota() {
        MediaKey stored = newAnimeKey();
        worker().store(CatalogFixtures.anime(stored.id(), "Mononoke"), UUID.randomUUID());
        Client client = Client.anonymous();
        spendAll(client, first, ANONYMOUS);
        assertProblem(client.get(first, itemPath(newAnimeKey()) + "?wait=PT0S"), 429, "QUOTA_EXCEEDED");

        var throughTheController = client.get(first, itemPath(stored) + "?wait=PT0S");
        var plain = client.get(first, itemPath(stored));

        assertThat(throughTheController.statusCode()).as(throughTheController.body()).isEqualTo(200);
        assertThat(json(throughTheController).get("title").asString()).isEqualTo("Mononoke");
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
    }

    @Test
    void aFetchUnderWayIsJoinedWithoutQuota() {
        MediaKey wanted = newAnimeKey();
        assertThat(Client.anonymous().get(first, itemPath(wanted) + "?wait=PT0S").statusCode()).isEqualTo(202);
        Client client = Client.anonymous();
        spendAll(client, first, ANONYMOUS);

        var joined = client.get(first, itemPath(wanted) + "?wait=PT0S");

        assertThat(joined.statusCode()).as("joins the one fetch, which costs the providers nothing more: "
                + joined.body()).isEqualTo(202);
        assertThat(syncRequestCount(wanted)).isEqualTo(1);
    }

    @Test
    void theQuotaRefillsWithTime() {
        Client client = Client.anonymous();
        spendAll(client, first, ANONYMOUS);
        var refused = client.get(first, itemPath(newAnimeKey()) + "?wait=PT0S");
        assertProblem(refused, 429, "QUOTA_EXCEEDED");

        await().atMost(Duration.ofSeconds(PERIOD_SECONDS * 2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> client.get(first, itemPath(newAnimeKey()) + "?wait=PT0S").statusCode() == 202);
    }

    @Test
    void twoInstancesShareOneQuota() {
        Client client = Client.anonymous();
        assertThat(client.get(first, itemPath(newAnimeKey()) + "?wait=PT0S").statusCode()).isEqualTo(202);
        assertThat(client.get(second, itemPath(newAnimeKey()) + "?wait=PT0S").statusCode()).isEqualTo(202);

        assertProblem(client.get(first, itemPath(newAnimeKey()) + "?wait=PT0S"), 429, "QUOTA_EXCEEDED");
        assertProblem(client.get(second, itemPath(newAnimeKey()) + "?wait=PT0S"), 429, "QUOTA_EXCEEDED");
    }

    @Test
    void aKeysOwnQuotaReplacesTheDefault() {
        Client roomy = Client.anonymous().withKey(ROOMY_KEY);
        spendAll(roomy, first, KEYED);
        var roomyRefused = roomy.get(first, itemPath(newAnimeKey()) + "?wait=PT0S");
        assertProblem(roomyRefused, 429, "QUOTA_EXCEEDED");
        assertThat(json(roomyRefused).get("detail").asString()).contains("'" + ROOMY_NAME + "'")
                .contains(KEYED + " per " + PERIOD_SECONDS + " s");

        Client frugal = Client.anonymous().withKey(FRUGAL_KEY);
        spendAll(frugal, second, 1);
        var frugalRefused = frugal.get(second, itemPath(newAnimeKey()) + "?wait=PT0S");
        assertProblem(frugalRefused, 429, "QUOTA_EXCEEDED");
        assertThat(json(frugalRefused).get("detail").asString()).contains("'" + FRUGAL_NAME + "'").contains("1 per");
    }

    @Test
    void refreshesAndBulkSyncsPastTheQuotaAre429AndStartNothing() {
        MediaKey stored = newAnimeKey();
        worker().store(CatalogFixtures.anime(stored.id(), "Haibane Renmei"), UUID.randomUUID());
        jdbc.sql("update sync_state set last_synced_at = now() - interval '2 days' where media_type = 'ANIME' and provider_id = :id")
                .param("id", stored.id()).update();
        Client thrifty = Client.anonymous().withKey(THRIFTY_KEY);
        spendAll(thrifty, first, 1);

        try (TopicProbe commands = FakeSyncWorker.watchInteractiveLane()) {
            var refresh = thrifty.post(first, itemPath(stored) + "/refresh", "");
            assertProblem(refresh, 429, "QUOTA_EXCEEDED");
            assertThat(refresh.headers().firstValue("Retry-After")).isPresent();
            assertThat(FakeSyncWorker.drainCommands(commands, stored, Duration.ofSeconds(1), json)).isEmpty();
        }
        UUID job = UUID.randomUUID();
        var bulk = thrifty.post(first, "/api/v1/bulk-syncs", """
                {"id": "%s", "selector": {"kind": "IDS", "type": "ANIME", "ids": [1, 5114]}}""".formatted(job));
        assertProblem(bulk, 429, "QUOTA_EXCEEDED");
        assertThat(jdbc.sql("select count(*) from bulk_job where id = :id").param("id", job).query(Long.class).single())
                .as("no job recorded").isZero();
        assertThat(syncRequestCount(stored)).isZero();
    }

    @Test
    void aSearchPastTheQuotaAnswersTheDatabaseAndMarksTheProviderPart() {
        String word = "quotaword" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        MediaKey stored = newAnimeKey();
        worker().store(CatalogFixtures.anime(stored.id(), "Lantern " + word + " Tales"), UUID.randomUUID());
        Client client = Client.anonymous();
        spendAll(client, first, ANONYMOUS);

        try (TopicProbe searches = FakeSyncWorker.watchProviderSearches()) {
            var response = client.get(first, "/api/v1/anime/search?q=" + word);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode answer = json(response);
            assertThat(answer.get("items")).singleElement()
                    .satisfies(hit -> assertThat(hit.get("id").asLong()).isEqualTo(stored.id()));
            assertThat(answer.get("providerMissing").asBoolean()).isTrue();
            assertThat(answer.at("/providers/0/outcome").asString()).isEqualTo("quota_exceeded");
            assertThat(answer.at("/providers/0/code").asString()).isEqualTo("QUOTA_EXCEEDED");
            assertThat(FakeSyncWorker.drainSearches(searches, word, Duration.ofSeconds(1), json))
                    .as("no provider asked").isEmpty();

            // Another client asks the provider; the same search then waits for that answer, which costs nothing.
            var asked = Client.anonymous().get(first, "/api/v1/anime/search?q=" + word);
            assertThat(json(asked).at("/providers/0/outcome").asString()).isEqualTo("timed_out");
            List<ProviderSearchRequested> published = FakeSyncWorker.drainSearches(searches, word, Duration.ofSeconds(2), json);
            assertThat(published).hasSize(1);
            var joined = json(client.get(first, "/api/v1/anime/search?q=" + word));
            assertThat(joined.at("/providers/0/outcome").asString()).isEqualTo("timed_out");
        }
    }

    @Test
    void refusalsAreCountedByRouteAndKindOfClientOnly() {
        Client client = Client.anonymous();
        spendAll(client, second, ANONYMOUS);
        assertProblem(client.get(second, itemPath(newAnimeKey()) + "?wait=PT0S"), 429, "QUOTA_EXCEEDED");

        var counter = second.meters().find("trackgeek.api.quota.refused").tag("route", "item_fetch")
                .tag("client", "anonymous").counter();
        assertThat(counter).isNotNull();
        assertThat(counter.count()).isGreaterThanOrEqualTo(1);
        // Besides the common tags every meter carries, nothing that names the client (unbounded, and personal).
        assertThat(counter.getId().getTags()).extracting(tag -> tag.getKey())
                .containsExactlyInAnyOrder("route", "client", "deployment", "service");
    }

    @Test
    void bucketsAreStoredUnderHashesAndDeletedOnceFullAgain() {
        assertThat(Client.anonymous().get(first, itemPath(newAnimeKey()) + "?wait=PT0S").statusCode()).isEqualTo(202);
        List<String> ids = jdbc.sql("select id from provider_budget where id like 'quota/%'").query(String.class).list();
        assertThat(ids).isNotEmpty().allSatisfy(id -> assertThat(id).matches("quota/[0-9a-f]{64}"));
        String workerBudget = "quota-test-provider-" + RUN;
        jdbc.sql("insert into provider_budget (id, state, expires_at) values (:id, null, null)").param("id", workerBudget)
                .update();
        try {
            // As if every bucket had been full again for a while.
            jdbc.sql("update provider_budget set expires_at = 1 where id like 'quota/%'").update();

            first.bean(ExpiredQuotas.class).deleteExpired();

            assertThat(jdbc.sql("select count(*) from provider_budget where id like 'quota/%'").query(Long.class).single())
                    .isZero();
            assertThat(jdbc.sql("select count(*) from provider_budget where id = :id").param("id", workerBudget)
                    .query(Long.class).single()).as("a budget without expiry stays").isOne();
        } finally {
            jdbc.sql("delete from provider_budget where id = :id").param("id", workerBudget).update();
        }
    }

    /** Starts {@code count} fetches as {@code client}, each accepted. */
    private void spendAll(Client client, SecondInstance instance, int count) {
        for (int i = 0; i < count; i++) {
            var response = client.get(instance, itemPath(newAnimeKey()) + "?wait=PT0S");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One client: its own loopback address, and a key if it sends one. */
    private record Client(HttpClient http, String key) {

        static Client anonymous() {
            var random = ThreadLocalRandom.current();
            byte[] address = {127, (byte) random.nextInt(1, 255), (byte) random.nextInt(0, 256), (byte) random.nextInt(1, 255)};
            try {
                return new Client(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .localAddress(InetAddress.getByAddress(address))
                        .connectTimeout(Duration.ofSeconds(5)).build(), null);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        Client withKey(String apiKey) {
            return new Client(http, apiKey);
        }

        HttpResponse<String> get(SecondInstance instance, String path) {
            return send(request(instance.uri(path)).GET());
        }

        HttpResponse<String> post(SecondInstance instance, String path, String body) {
            return send(request(instance.uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private HttpRequest.Builder request(URI uri) {
            var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
            return key == null ? request : request.header("X-API-Key", key);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
