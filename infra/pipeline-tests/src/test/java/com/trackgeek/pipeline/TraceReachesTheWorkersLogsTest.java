package com.trackgeek.pipeline;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A trace id a caller sets on the HTTP request (W3C {@code traceparent}) is in the log line of the worker that stored
 * the item, and the work on the way joins that trace: API, Kafka, sync worker, provider call, Kafka, embedding worker. Exported
 * spans hold no provider credential.
 *
 * <p>The sync worker runs in a JVM of its own ({@link ChildSyncWorker}) with JSON logs switched on the documented
 * way ({@code logging.structured.format.console=ecs}), so its console holds only its own lines and each is parsed,
 * not searched as text; its spans go to a Zipkin stand-in ({@link ZipkinSpans}), which shows that the provider
 * call was a span of the same trace. The embedding worker runs in this JVM with the plain-text pattern.
 */
class TraceReachesTheWorkersLogsTest {

    /** An anime no other test asks for: the simulator makes one up, the pipeline has not stored it. */
    private static final long ANIME = 947_001;
    private static final long MOVIE = 947_002;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Pipeline pipeline = Pipeline.get();

    @AfterEach
    void backToTheInProcessWorker() {
        pipeline.restartSyncWorker();
    }

    @Test
    void theTraceIdOfTheHttpRequestIsInTheWorkersLogLinesForTheItemAndItsProviderCallJoinsTheTrace() {
        String traceId = randomHex(16);
        String callersSpanId = randomHex(8);
        pipeline.stopSyncWorker(); // the child is the only sync worker: the item is stored by it

        try (var spans = ZipkinSpans.start();
             var worker = ChildSyncWorker.start(pipeline.syncWorkerSettings(Map.of(
                     "logging.structured.format.console", "ecs",
                     "management.tracing.export.zipkin.enabled", true,
                     "management.tracing.export.zipkin.endpoint", spans.endpoint())), "json-logs")) {
            worker.awaitHealthy(Duration.ofMinutes(2));

            var answer = ApiCalls.get(pipeline.apiUrl(), "/api/v1/anime/" + ANIME + "?wait=PT30S",
                    "traceparent", "00-" + traceId + "-" + callersSpanId + "-01");
            assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);

            JsonNode stored = await("the worker's JSON line for the stored anime").atMost(Duration.ofSeconds(10))
                    .until(() -> storedLine(worker.log()), Optional::isPresent).orElseThrow();
            assertThat(stored.path("log").path("level").asString()).isEqualTo("INFO");
            assertThat(stored.path("traceId").asString()).as("the caller's trace id in %s", stored).isEqualTo(traceId);
            assertThat(stored.path("spanId").asString()).as("a span of the worker's own").isNotBlank().isNotEqualTo(callersSpanId);

            await("the provider call's span, in the caller's trace").atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(spans.of(traceId)).anySatisfy(span -> {
                        assertThat(span.path("kind").asString()).isEqualTo("CLIENT");
                        assertThat(span.path("tags").toString()).contains("/anime/" + ANIME);
                    }));

            // TMDB's v3 key travels in the query string: exported spans keep the path of the call, never the key.
            assertThat(ApiCalls.get(pipeline.apiUrl(), "/api/v1/movie/" + MOVIE + "?wait=PT30S").status()).isEqualTo(200);
            await("the movie call's span").atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(spans.all()).anySatisfy(span -> assertThat(span.path("tags").path("http.url").asString())
                            .endsWith("/movie/" + MOVIE)));
            assertThat(spans.all()).allSatisfy(span -> assertThat(span.toString()).doesNotContain(Pipeline.SECRETS.values()));
        }

        await("the embedding worker's line for the anime, in the caller's trace").atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(pipeline.console.text().lines())
                        .anySatisfy(line -> assertThat(line)
                                .contains("Embeddings embedded (high lane): [ANIME:" + ANIME + "]")
                                .contains(traceId)));
    }

    /** The worker's line for the stored anime, if it has logged it; every line after its banner is one JSON object. */
    private static Optional<JsonNode> storedLine(String console) {
        List<JsonNode> lines = console.lines().filter(line -> line.startsWith("{")).map(TraceReachesTheWorkersLogsTest::parse).toList();
        return lines.stream()
                .filter(line -> line.path("message").asString().startsWith("Stored ANIME:" + ANIME + " "))
                .findFirst();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (JacksonException e) {
            throw new AssertionError("not one JSON object a line: " + line, e);
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
