package com.trackgeek.api.fuzz;

import com.trackgeek.api.ApiIntegrationTest;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP input fuzzing: every endpoint the app describes (its OpenAPI document, the actuator's links, the error paths)
 * gets a valid request and then thousands of mutated ones (odd encodings, huge parameters and headers, bad JSON
 * bodies, wrong content types, path tricks, odd methods and versions, Accept variants, with and without an API
 * key), sent byte for byte over real sockets to the real Tomcat. Every answer must be a success or a 4xx problem
 * detail: never a 5xx, never an HTML or plain-text page, never an empty 4xx, never a connection dropped unanswered.
 *
 * <p>{@code -Dfuzz.cases=N} (default 5000) and {@code -Dfuzz.seed=S} (default 12) size and vary the run;
 * {@code -Dfuzz.only=I} sends case I of the seed alone, as a failure message names it.
 *
 * <p>A context of its own, closed afterwards, so that its configuration (every media type served, no long waits)
 * stays here; what its writes leave in the shared database (sync requests, provider searches, bulk jobs, the
 * similar-titles pin) is removed or put back at the end, so the other tests find the state they expect.
 */
@TestPropertySource(properties = {
        // Every type served: a type left out answers 503 MEDIA_TYPE_NOT_SUPPORTED by design (ProblemDetailsTest).
        "trackgeek.api.media-types=anime,manga,movie,tv,game,book",
        // No sync worker runs here: a read of a missing item answers 202 at once, a search does not wait long.
        "trackgeek.api.fetch.default-wait=0s", "trackgeek.api.fetch.max-wait=50ms",
        "trackgeek.api.search.provider-wait=20ms",
        // A request whose body never comes is given up on quickly.
        "server.tomcat.connection-timeout=3s",
        "trackgeek.api.security.keys[5].name=fuzzer",
        "trackgeek.api.security.keys[5].hash={sha256}7e8eb7dd5821c36c0e43585e98c81072a9ec825f6c645fec7d6c880b47bbd9c9",
        "trackgeek.api.security.keys[5].scopes=bulk-syncs:write,items:refresh,similar:write,actuator:read"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HttpInputFuzzTest extends ApiIntegrationTest {

    /** Configured above with every scope. */
    static final String FUZZ_KEY = "test-fuzz-key-every-scope-4e1b8c2d";

    private static final int CASES = Integer.getInteger("fuzz.cases", 5000);
    private static final long SEED = Long.getLong("fuzz.seed", 12);
    private static final Integer ONLY = Integer.getInteger("fuzz.only");
    private static final int SHOWN_FAILURES = 10;

    @Test
    void everyAnswerToAnyRequestIsASuccessOrAProblemDetail() throws InterruptedException {
        OffsetDateTime start = jdbc.sql("select now()").query(OffsetDateTime.class).single();
        List<Map<String, Object>> pin = jdbc.sql("select model, chosen_at, chosen_by from similar_model_choice")
                .query().listOfRows();
        try {
            List<Endpoint> endpoints = Endpoints.from(json.readTree(get("/v3/api-docs").body()),
                    json.readTree(send(HttpRequest.newBuilder(uri("/actuator")).header("X-API-Key", FUZZ_KEY)).body()),
                    json);
            assertThat(endpoints).as("read from the app").map(Endpoint::toString).contains("GET /api/v1/{type}/{id}",
                    "POST /api/v1/bulk-syncs", "PUT /api/v1/similar/model", "GET /actuator/health", "GET /error");
            CaseGenerator generator = new CaseGenerator(endpoints, validValues(), "X-API-Key", FUZZ_KEY);

            Run run = run(generator);

            System.out.printf("HTTP input fuzzing: seed %d, %d cases over %d endpoints, answers by status %s; %d broke"
                    + " the promise%n", SEED, run.cases(), endpoints.size(), run.byStatus(), run.failures().size());
            assertThat(run.failures().size()).as(() -> run.failures().size() + " of " + run.cases() + " answers are neither a"
                    + " success nor a 4xx problem detail; the first ones:\n\n" + run.failures().stream()
                    .limit(SHOWN_FAILURES).collect(Collectors.joining("\n\n"))).isZero();
        } finally {
            cleanUp(start, pin);
        }
    }

    private record Run(int cases, Map<String, Long> byStatus, List<String> failures) {
    }

    private Run run(CaseGenerator generator) throws InterruptedException {
        RawHttp http = new RawHttp(port, Duration.ofSeconds(15));
        Map<Integer, AtomicLong> byStatus = new java.util.concurrent.ConcurrentSkipListMap<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        int[] indexes = ONLY != null ? new int[]{ONLY} : IntStream.range(0, CASES).toArray();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int index : indexes) {
                pool.execute(() -> {
                    FuzzCase fuzzCase = generator.generate(SEED, index);
                    RawAnswer answer = http.exchange(fuzzCase.request(), fuzzCase.isHead());
                    byStatus.computeIfAbsent(answer.status(), status -> new AtomicLong()).incrementAndGet();
                    Optional<String> problem = Verdict.problemWith(fuzzCase, answer, json);
                    problem.ifPresent(what -> failures.add(what + "\n" + fuzzCase.describe() + "\n-> "
                            + answer.describe()));
                });
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(1, TimeUnit.HOURS)).isTrue();
        }
        Map<String, Long> counts = new TreeMap<>();
        byStatus.forEach((status, count) -> counts.put(status == 0 ? "none"
                : status == RawAnswer.HTTP_09 ? "HTTP/0.9" : status.toString(), count.get()));
        List<String> sorted = new ArrayList<>(failures);
        sorted.sort(java.util.Comparator.comparingInt(failure -> Integer.parseInt(
                failure.replaceFirst("(?s).*\ncase (\\d+) .*", "$1"))));
        return new Run(indexes.length, counts, sorted);
    }

    /** Stored items, a bulk job and a sync request, so that valid ids reach the answers beyond 404. */
    private CaseGenerator.ValidValues validValues() {
        List<Long> stored = new ArrayList<>();
        for (MediaType type : List.of(MediaType.ANIME, MediaType.ANIME, MediaType.MANGA)) {
            MediaKey key = newKey(type);
            worker().storeItem(key, "Fuzz " + key.id(), UUID.randomUUID());
            stored.add(key.id());
        }
        var job = send(HttpRequest.newBuilder(uri("/api/v1/bulk-syncs")).header("X-API-Key", FUZZ_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"selector\":{\"kind\":\"IDS\",\"type\":\"GAME\",\"ids\":[1942]}}")));
        assertThat(job.statusCode()).as(job.body()).isEqualTo(202);
        var request = get(itemPath(newAnimeKey()) + "?wait=0");
        assertThat(request.statusCode()).as(request.body()).isEqualTo(202);
        return new CaseGenerator.ValidValues(stored, json(job).get("id").asString(), json(request).get("id").asString());
    }

    /**
     * What the run's writes left in the shared database: the sync requests and provider searches it started (the
     * test classes run one after another, so everything since its start is its own), its bulk jobs, and the
     * similar-titles pin as it was.
     */
    private void cleanUp(OffsetDateTime start, List<Map<String, Object>> pin) {
        jdbc.sql("delete from sync_request where created_at >= :start").param("start", start).update();
        jdbc.sql("delete from provider_search where requested_at >= :start").param("start", start).update();
        jdbc.sql("delete from bulk_job where requested_by = 'fuzzer'").update();
        jdbc.sql("delete from similar_model_choice").update();
        for (Map<String, Object> row : pin) {
            jdbc.sql("insert into similar_model_choice (model, chosen_at, chosen_by) values (:model, :at, :by)")
                    .param("model", row.get("model")).param("at", row.get("chosen_at")).param("by", row.get("chosen_by"))
                    .update();
        }
    }
}
