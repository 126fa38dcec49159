package com.trackgeek.embedding;

import com.trackgeek.contracts.EmbeddingLane;
import com.trackgeek.contracts.EmbeddingRequested;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.Topics;
import com.trackgeek.servicekit.DeadLetterReason;
import com.trackgeek.simulator.EmbeddedSimulator;
import com.trackgeek.simulator.LoggedRequest;
import com.trackgeek.testsupport.SharedInfrastructure;
import com.trackgeek.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole worker with a hosted model (Gemini, the provider simulator's fake answering with Google's bodies) over
 * real Kafka and PostgreSQL: a passing failure is retried by the lane, a model-wide one fails the batch at once,
 * and the lane goes on. The hosted client's own retries are off here (one attempt), so the lane's are the ones seen.
 */
@Tag("own-worker")
@DirtiesContext
@TestPropertySource(properties = {
        "trackgeek.embedding.model.provider=gemini",
        "trackgeek.embedding.model.gemini.api-key=" + HostedModelWorkerTest.KEY,
        "trackgeek.embedding.model.gemini.model=gemini-embedding-001",
        "trackgeek.embedding.model.gemini.dimensions=128",
        "trackgeek.embedding.model.gemini.requests-per-minute=0",
        "trackgeek.embedding.model.gemini.max-attempts=1",
        "trackgeek.embedding.backfill.enabled=false"})
class HostedModelWorkerTest extends WorkerIntegrationTest {

    static final String KEY = "worker-test-key-5e1b";
    private static final String MODEL = "gemini:gemini-embedding-001:128";
    private static final String ANY = "/google-genai/.*";
    private static final String SINGLE = "/google-genai/v1beta/models/.*:embedContent";
    private static final List<String> GENRES = List.of("Drama");

    private static EmbeddedSimulator simulator;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void gemini(DynamicPropertyRegistry registry) {
        registry.add("trackgeek.embedding.model.gemini.base-url", () -> simulator().googleGenaiBaseUrl());
    }

    private static synchronized EmbeddedSimulator simulator() {
        if (simulator == null) {
            simulator = EmbeddedSimulator.start(Map.of("simulator.google-genai.api-key", KEY));
        }
        return simulator;
    }

    @AfterAll
    static void stopSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @AfterEach
    void forgetRequests() {
        simulator().script().reset();
        simulator().requests().clear();
    }

    @Test
    void aRateLimitedRequestIsEmbeddedOnALaterAttemptOfTheLane() {
        MediaKey item = pendingItem("Retried", "A synopsis the busy model embeds on its second try.");
        simulator().script().respondBody(SINGLE, 429, """
                {"error": {"code": 429, "message": "Resource has been exhausted (e.g. check quota).", "status": "RESOURCE_EXHAUSTED"}}""");

        EmbeddingRequested request = publish(EmbeddingLane.HIGH, item);
        await().atMost(TIMEOUT).until(() -> statuses(SINGLE).contains(429));
        simulator().script().reset();

        assertThat(awaitOutcome(request.requestId())).isEqualTo("embedded");
        assertThat(statuses(SINGLE)).startsWith(429).endsWith(200);
        assertThat(deliveries(request.requestId())).as("delivered again by the lane's error handler").isGreaterThanOrEqualTo(2);
        assertThat(syncState(item)).contains("fresh");
        assertThat(vectorsOf(List.of(item))).isEqualTo(1);
    }

    @Test
    void aServiceThatStaysUnavailableFailsTheRequestAfterTheLastAttemptWithItsCode() {
        MediaKey item = pendingItem("Unlucky", "A synopsis sent while the service is down.");
        simulator().script().respondBody(SINGLE, 503, """
                {"error": {"code": 503, "message": "The model is overloaded. Please try again later.", "status": "UNAVAILABLE"}}""");

        try (var deadLetters = TopicProbe.openAtEnd(SharedInfrastructure.kafka().bootstrapServers(),
                Topics.deadLetter(Topics.EMBEDDING_REQUESTS_HIGH))) {
            EmbeddingRequested request = publish(EmbeddingLane.HIGH, item);
            var dead = deadLetters.await(record -> record.value().contains(request.requestId().toString()), TIMEOUT);

            assertThat(TopicProbe.header(dead, DeadLetterReason.CODE_HEADER)).isEqualTo("EMBEDDING_SERVICE_UNAVAILABLE");
            assertThat(TopicProbe.header(dead, DeadLetterReason.REASON_HEADER)).contains("The model is overloaded");
            assertThat(deliveries(request.requestId())).as("trackgeek.embedding.retry.max-attempts").isEqualTo(3);
            assertThat(statuses(SINGLE)).as("one model call per attempt").containsExactly(503, 503, 503);
            assertThat(outcome(request.requestId())).contains("failed");
            assertThat(syncState(item)).contains("failed");
            assertThat(lastErrorCode(item)).isEqualTo("EMBEDDING_SERVICE_UNAVAILABLE");
        }
    }

    @Test
    void aRefusedKeyFailsEveryRequestOfABatchWithoutTryingItsTextsOneByOneAndTheLaneGoesOn() {
        List<MediaKey> items = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            items.add(pendingItem("Refused " + i, "Synopsis number " + i + " that never reaches a vector."));
        }
        // Google's answer to a key it does not know: 400 INVALID_ARGUMENT with reason API_KEY_INVALID.
        simulator().script().respondBody(ANY, 400, """
                {"error": {"code": 400, "message": "API key not valid. Please pass a valid API key.", "status": "INVALID_ARGUMENT",
                 "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID", "domain": "googleapis.com"}]}}""");

        try (var deadLetters = TopicProbe.openAtEnd(SharedInfrastructure.kafka().bootstrapServers(),
                Topics.deadLetter(Topics.EMBEDDING_REQUESTS_LOW))) {
            // One key: one partition, in order, usually one batch and so one chunk.
            List<EmbeddingRequested> requests = items.stream()
                    .map(item -> EmbeddingRequested.of(UUID.randomUUID(), item, EmbeddingLane.LOW, Instant.now())).toList();
            requests.forEach(request -> kafka.send(Topics.EMBEDDING_REQUESTS_LOW, items.getFirst().toString(), request));
            kafka.flush();

            Set<String> ids = requests.stream().map(request -> request.requestId().toString()).collect(Collectors.toSet());
            Map<String, String> codes = new HashMap<>();
            deadLetters.await(record -> {
                ids.stream().filter(record.value()::contains).findFirst()
                        .ifPresent(id -> codes.put(id, TopicProbe.header(record, DeadLetterReason.CODE_HEADER)));
                return codes.size() == ids.size();
            }, TIMEOUT);

            assertThat(codes.values()).containsOnly("EMBEDDING_CREDENTIALS_REJECTED");
        }
        int calls = simulator().requests().count(ANY);
        assertThat(calls).as("a model call per chunk (the six usually travel in one batch), never one per text")
                .isGreaterThanOrEqualTo(1).isLessThan(items.size());
        for (MediaKey item : items) {
            assertThat(syncState(item)).as("%s says it failed", item).contains("failed");
            assertThat(lastErrorCode(item)).isEqualTo("EMBEDDING_CREDENTIALS_REJECTED");
        }
        assertThat(vectorsOf(items)).isZero();

        // The key is fixed: the next record on the lane is embedded.
        simulator().script().reset();
        MediaKey next = newAnimeKey();
        insertAnime(next, "After the fix", GENRES, "A synopsis sent after the key was fixed.");
        assertThat(awaitOutcome(publish(EmbeddingLane.LOW, next).requestId())).isEqualTo("embedded");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aKeyTheServiceQuotesBackIsInNoLogLineDeadLetterStoredFailureOrMetric(CapturedOutput output) {
        // A refusal and a passing failure, each quoting the key it was sent, as a careless service or proxy could.
        MediaKey refused = pendingItem("Quoted refusal", "A synopsis sent with a key the service quotes back.");
        simulator().script().respondBody(ANY, 400, """
                {"error": {"code": 400, "message": "API key not valid: %s", "status": "INVALID_ARGUMENT",
                 "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID", "domain": "googleapis.com"}]}}"""
                .formatted(KEY));
        List<String> deadLetterHeaders = new ArrayList<>(deadLetterHeaders(refused, "EMBEDDING_CREDENTIALS_REJECTED"));
        MediaKey unavailable = pendingItem("Quoted outage", "A synopsis sent while the service quotes the key.");
        simulator().script().respondBody(ANY, 503, """
                {"error": {"code": 503, "message": "The backend for key %s is overloaded.", "status": "UNAVAILABLE"}}"""
                .formatted(KEY));
        deadLetterHeaders.addAll(deadLetterHeaders(unavailable, "EMBEDDING_SERVICE_UNAVAILABLE"));

        List<String> storedFailures = jdbc.sql("""
                        select coalesce(s.last_error_detail, '') || ' ' || coalesce(r.outcome_detail, '')
                          from sync_state s join embedding_request r
                            on r.media_type = s.media_type and r.provider_id = s.provider_id
                         where s.media_type = 'ANIME' and s.provider_id in (?, ?)""")
                .params(refused.id(), unavailable.id()).query(String.class).list();
        assertThat(storedFailures).as("the failures are stored with what the service said").hasSize(2)
                .anyMatch(detail -> detail.contains("INVALID_ARGUMENT")).anyMatch(detail -> detail.contains("overloaded"));
        assertThat(storedFailures).noneMatch(detail -> detail.contains(KEY));
        assertThat(deadLetterHeaders).as("dead-letter headers").isNotEmpty().noneMatch(header -> header.contains(KEY));
        assertThat(output.getAll()).as("the failures were logged").contains("Dead-lettering");
        assertThat(output.getAll()).doesNotContain(KEY);
        String metrics = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).join().body();
        assertThat(metrics).contains("trackgeek_embedding_requests_completed_total").doesNotContain(KEY);
    }

    /** Publishes the item's request on the high lane and returns every header of its dead letter, which has {@code code}. */
    private List<String> deadLetterHeaders(MediaKey item, String code) {
        try (var deadLetters = TopicProbe.openAtEnd(SharedInfrastructure.kafka().bootstrapServers(),
                Topics.deadLetter(Topics.EMBEDDING_REQUESTS_HIGH))) {
            EmbeddingRequested request = publish(EmbeddingLane.HIGH, item);
            var dead = deadLetters.await(record -> record.value().contains(request.requestId().toString()), TIMEOUT);
            assertThat(TopicProbe.header(dead, DeadLetterReason.CODE_HEADER)).isEqualTo(code);
            awaitOutcome(request.requestId());
            List<String> headers = new ArrayList<>();
            dead.headers().forEach(header -> headers.add(header.key() + ": " + new String(header.value(), StandardCharsets.UTF_8)));
            return headers;
        }
    }

    /** An item just stored by a sync, waiting for its embedding. */
    private MediaKey pendingItem(String title, String synopsis) {
        MediaKey item = newAnimeKey();
        insertAnime(item, title, GENRES, synopsis);
        setSyncState(item, "pending_embeddings");
        return item;
    }

    private static List<Integer> statuses(String path) {
        return simulator().requests().requests(path).stream().map(LoggedRequest::status).toList();
    }

    private int deliveries(UUID requestId) {
        return jdbc.sql("select deliveries from embedding_request where request_id = ?").param(requestId).query(Integer.class).single();
    }

    private String lastErrorCode(MediaKey item) {
        return jdbc.sql("select last_error_code from sync_state where media_type = ? and provider_id = ?")
                .params(item.type().name(), item.id()).query(String.class).single();
    }

    private int vectorsOf(List<MediaKey> items) {
        return jdbc.sql("select count(*) from item_embedding where media_type = 'ANIME' and model = ? and provider_id = any(?)")
                .params(MODEL, items.stream().mapToLong(MediaKey::id).toArray()).query(Integer.class).single();
    }
}
