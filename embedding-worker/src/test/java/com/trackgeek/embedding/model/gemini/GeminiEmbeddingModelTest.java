package com.trackgeek.embedding.model.gemini;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.embedding.model.hosted.HostedCalls;
import com.trackgeek.embedding.model.hosted.HostedEmbeddingModel;
import com.trackgeek.embedding.model.hosted.HostedHttp;
import com.trackgeek.embedding.model.hosted.HostedModelException;
import com.trackgeek.simulator.EmbeddedSimulator;
import com.trackgeek.simulator.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The Gemini model against the provider simulator's Gemini API, which answers recorded requests with the
 * recorded bodies of {@code ../shared/fixtures/google-genai}.
 */
@ExtendWith(OutputCaptureExtension.class)
class GeminiEmbeddingModelTest {

    private static final String KEY = "gemini-test-key-7f3a9c";
    private static final String BATCH = "/google-genai/v1beta/models/.*:batchEmbedContents";
    private static final String SINGLE = "/google-genai/v1beta/models/.*:embedContent";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static EmbeddedSimulator simulator;

    @BeforeAll
    static void startSimulator() {
        simulator = EmbeddedSimulator.start(Map.of("simulator.google-genai.api-key", KEY));
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @AfterEach
    void forgetRequests() {
        simulator.script().reset();
        simulator.requests().clear();
    }

    @Test
    void vectorsAreTheRecordedValues() {
        HostedEmbeddingModel model = model("text-embedding-004", 768, 100, KEY);

        List<float[]> one = model.embedAll(List.of("Hello world"));
        List<float[]> two = model.embedAll(List.of("Hello", "World"));

        assertThat(one.getFirst()).containsExactly(recorded("embedContent-text-embedding-004-hello-world.json", "/embedding/values"));
        assertThat(two.get(0)).containsExactly(recorded("batchEmbedContents-text-embedding-004-two.json", "/embeddings/0/values"));
        assertThat(two.get(1)).containsExactly(recorded("batchEmbedContents-text-embedding-004-two.json", "/embeddings/1/values"));
        assertThat(model.name()).isEqualTo("gemini:text-embedding-004:768");
    }

    @Test
    void textsAreSentInBatchesOfTheConfiguredSizeAndComeBackInOrder() {
        HostedEmbeddingModel model = model("gemini-embedding-001", 128, 2, KEY);
        List<String> texts = List.of("Naruto", "Naruto Shippuden", "Boruto", "Bleach", "One Piece");

        List<float[]> together = model.embedAll(texts);

        assertThat(simulator.requests().count(BATCH)).as("2 + 2 in two batch requests").isEqualTo(2);
        assertThat(simulator.requests().count(SINGLE)).as("the fifth alone: embedContent").isEqualTo(1);
        assertThat(together).hasSize(5).allSatisfy(vector -> assertThat(vector).hasSize(128));
        for (int i = 0; i < texts.size(); i++) {
            assertThat(together.get(i)).as(texts.get(i)).containsExactly(model.embedAll(List.of(texts.get(i))).getFirst());
        }
    }

    @Test
    void a429IsWaitedOutForItsRetryAfterThenTheRequestSucceeds() {
        HostedEmbeddingModel model = model("text-embedding-004", 768, 100, KEY);
        simulator.script().respondBody(BATCH, 429, """
                {"error": {"code": 429, "message": "Resource has been exhausted (e.g. check quota).", "status": "RESOURCE_EXHAUSTED"}}""");

        CompletableFuture<List<float[]>> call = CompletableFuture.supplyAsync(() -> model.embedAll(List.of("Hello", "World")));
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses(BATCH).contains(429));
        simulator.script().reset();

        assertThat(call.join()).hasSize(2);
        List<LoggedRequest> requests = simulator.requests().requests(BATCH);
        assertThat(requests).extracting(LoggedRequest::status).containsExactly(429, 200);
        assertThat(Duration.between(requests.get(0).arrivedAt(), requests.get(1).arrivedAt()))
                .as("the scripted 429 says Retry-After: 1").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anUnknownModelIsModelNotFoundWithoutRetries() {
        HostedEmbeddingModel model = model("nonexistent-model", 768, 100, KEY);

        assertThatThrownBy(() -> model.embedAll(List.of("Hello", "World")))
                .isInstanceOfSatisfying(HostedModelException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(ErrorCode.EMBEDDING_MODEL_NOT_FOUND);
                    assertThat(failure.getMessage()).contains("models/nonexistent-model is not found for API version v1beta");
                });
        assertThat(simulator.requests().count(BATCH)).isEqualTo(1);
    }

    @Test
    void theKeyIsSentAndNeverLogged(CapturedOutput output) {
        model("text-embedding-004", 768, 100, KEY).embedAll(List.of("Hello world"));
        simulator.script().respondBody(SINGLE, 503, """
                {"error": {"code": 503, "message": "The model is overloaded. Please try again later.", "status": "UNAVAILABLE"}}""");
        CompletableFuture<List<float[]>> retried = CompletableFuture.supplyAsync(
                () -> model("text-embedding-004", 768, 100, KEY).embedAll(List.of("Hello world")));
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses(SINGLE).contains(503));
        simulator.script().reset();
        assertThat(retried.join()).hasSize(1);

        assertThatThrownBy(() -> model("text-embedding-004", 768, 100, "not-" + KEY).embedAll(List.of("Hello world")))
                .isInstanceOfSatisfying(HostedModelException.class,
                        failure -> assertThat(failure.code()).isEqualTo(ErrorCode.EMBEDDING_CREDENTIALS_REJECTED));

        assertThat(output.getAll()).as("a retry was logged").contains("retry 1 of");
        assertThat(output.getAll()).doesNotContain(KEY);
        assertThat(model("text-embedding-004", 768, 100, KEY).toString() + properties("m", 1, 1, KEY)).doesNotContain(KEY);
    }

    private static List<Integer> statuses(String path) {
        return simulator.requests().requests(path).stream().map(LoggedRequest::status).toList();
    }

    private static HostedEmbeddingModel model(String name, int dimensions, int batchSize, String key) {
        GeminiProperties properties = properties(name, dimensions, batchSize, key);
        RestClient http = HostedHttp.restClient(RestClient.builder(), properties.baseUrl(), properties.connectTimeout(),
                properties.readTimeout());
        GeminiClient client = new GeminiClient(http, JSON, properties);
        return new HostedEmbeddingModel("gemini", name, dimensions, batchSize,
                new HostedCalls("gemini:" + name, properties.policy()), client::embed);
    }

    /** No task type: the recorded node-llm requests sent none. Backoff from 200 ms, so a 503 retries quickly. */
    private static GeminiProperties properties(String name, int dimensions, int batchSize, String key) {
        return new GeminiProperties(simulator.googleGenaiBaseUrl(), key, name, dimensions, "", batchSize, 0, 3,
                Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    private static float[] recorded(String file, String pointer) {
        JsonNode values = JSON.readTree(Path.of(System.getProperty(EmbeddedSimulator.FIXTURES_PROPERTY))
                .resolve("google-genai").resolve(file)).at(pointer);
        float[] vector = new float[values.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = values.get(i).floatValue();
        }
        return vector;
    }
}
