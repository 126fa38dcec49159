package com.trackgeek.embedding.model.openai;

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

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The OpenAI-compatible model against the provider simulator's {@code /v1/embeddings}, which answers recorded
 * requests with the recorded bodies of {@code ../shared/fixtures/openai}.
 */
@ExtendWith(OutputCaptureExtension.class)
class OpenAiEmbeddingModelTest {

    private static final String KEY = "sk-openai-test-key-4b8d2e";
    private static final String EMBEDDINGS = "/openai/v1/embeddings";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static EmbeddedSimulator simulator;

    @BeforeAll
    static void startSimulator() {
        simulator = EmbeddedSimulator.start(Map.of("simulator.openai.api-key", KEY));
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
    void floatAndBase64AnswersDecodeToTheRecordedValues() {
        float[] recordedFloats = floats(fixture("embeddings-text-embedding-3-small-float-single.json").at("/data/0/embedding"));
        float[] recordedBase64 = littleEndian(fixture("embeddings-text-embedding-3-small-base64-single.json").at("/data/0/embedding").asString());
        JsonNode two = fixture("embeddings-text-embedding-3-small-base64-two-inputs.json");

        assertThat(model("float", 1536, 100, KEY).embedAll(List.of("Hello world")).getFirst()).containsExactly(recordedFloats);
        assertThat(model("base64", 1536, 100, KEY).embedAll(List.of("Hello world")).getFirst())
                .as("the same text asked in base64").containsExactly(recordedFloats);
        assertThat(model("base64", 1536, 100, KEY).embedAll(List.of("Hello, world!")).getFirst()).containsExactly(recordedBase64);
        assertThat(model("float", 1536, 100, KEY).embedAll(List.of("Hello, world!")).getFirst())
                .as("the same text asked in floats").containsExactly(recordedBase64);
        List<float[]> both = model("base64", 1536, 100, KEY).embedAll(List.of("hello", "world"));
        assertThat(both.get(0)).containsExactly(littleEndian(two.at("/data/0/embedding").asString()));
        assertThat(both.get(1)).containsExactly(littleEndian(two.at("/data/1/embedding").asString()));
        assertThat(recordedBase64).hasSize(1536);
    }

    @Test
    void textsAreSentInBatchesOfTheConfiguredSizeAndComeBackInOrder() {
        HostedEmbeddingModel model = model("base64", 1536, 2, KEY);
        List<String> texts = List.of("Naruto", "Naruto Shippuden", "Boruto", "Bleach", "One Piece");

        List<float[]> together = model.embedAll(texts);

        assertThat(simulator.requests().count(EMBEDDINGS)).as("2 + 2 + 1").isEqualTo(3);
        assertThat(together).hasSize(5);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(together.get(i)).as(texts.get(i)).containsExactly(model.embedAll(List.of(texts.get(i))).getFirst());
        }
    }

    @Test
    void a429IsWaitedOutForItsRetryAfterThenTheRequestSucceeds() {
        HostedEmbeddingModel model = model("float", 1536, 100, KEY);
        simulator.script().respondBody(EMBEDDINGS, 429, """
                {"error": {"message": "Rate limit reached for requests", "type": "requests", "param": null, "code": "rate_limit_exceeded"}}""");

        CompletableFuture<List<float[]>> call = CompletableFuture.supplyAsync(() -> model.embedAll(List.of("Hello", "World")));
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses().contains(429));
        simulator.script().reset();

        assertThat(call.join()).hasSize(2);
        List<LoggedRequest> requests = simulator.requests().requests(EMBEDDINGS);
        assertThat(requests).extracting(LoggedRequest::status).containsExactly(429, 200);
        assertThat(Duration.between(requests.get(0).arrivedAt(), requests.get(1).arrivedAt()))
                .as("the scripted 429 says Retry-After: 1").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anUnknownModelIsModelNotFoundWithoutRetriesAndAQuota429IsNotRetried() {
        HostedEmbeddingModel missing = model("nonexistent", "float", 1536, 100, KEY);

        assertThatThrownBy(() -> missing.embedAll(List.of("Hello")))
                .isInstanceOfSatisfying(HostedModelException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(ErrorCode.EMBEDDING_MODEL_NOT_FOUND);
                    assertThat(failure.getMessage()).contains("model_not_found: The model `nonexistent` does not exist");
                });
        assertThat(simulator.requests().count(EMBEDDINGS)).isEqualTo(1);

        simulator.script().respondBody(EMBEDDINGS, 429, """
                {"error": {"message": "You exceeded your current quota, please check your plan and billing details.", "type": "insufficient_quota", "param": null, "code": "insufficient_quota"}}""");
        assertThatThrownBy(() -> model("float", 1536, 100, KEY).embedAll(List.of("Hello")))
                .isInstanceOfSatisfying(HostedModelException.class,
                        failure -> assertThat(failure.code()).isEqualTo(ErrorCode.EMBEDDING_RATE_LIMITED));
        assertThat(simulator.requests().count(EMBEDDINGS)).as("no wait cures an exhausted quota").isEqualTo(2);
    }

    @Test
    void theKeyIsSentAndNeverLogged(CapturedOutput output) {
        model("float", 1536, 100, KEY).embedAll(List.of("Hello world"));
        simulator.script().respondBody(EMBEDDINGS, 503, """
                {"error": {"message": "The server is overloaded or not ready yet.", "type": "server_error", "param": null, "code": null}}""");
        CompletableFuture<List<float[]>> retried = CompletableFuture.supplyAsync(
                () -> model("float", 1536, 100, KEY).embedAll(List.of("Hello world")));
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses().contains(503));
        simulator.script().reset();
        assertThat(retried.join()).hasSize(1);

        String wrongKey = KEY + "-revoked";
        assertThatThrownBy(() -> model("float", 1536, 100, wrongKey).embedAll(List.of("Hello world")))
                .isInstanceOfSatisfying(HostedModelException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(ErrorCode.EMBEDDING_CREDENTIALS_REJECTED);
                    assertThat(failure.getMessage()).as("OpenAI quotes the key's ends; we do not").doesNotContain("Incorrect API key");
                });

        assertThat(output.getAll()).as("a retry was logged").contains("retry 1 of");
        assertThat(output.getAll()).doesNotContain(KEY).doesNotContain("4b8d2e");
        assertThat(properties("m", "float", 1, 1, KEY).toString()).doesNotContain(KEY);
    }

    private static List<Integer> statuses() {
        return simulator.requests().requests(EMBEDDINGS).stream().map(LoggedRequest::status).toList();
    }

    private static HostedEmbeddingModel model(String encoding, int dimensions, int batchSize, String key) {
        return model("text-embedding-3-small", encoding, dimensions, batchSize, key);
    }

    private static HostedEmbeddingModel model(String name, String encoding, int dimensions, int batchSize, String key) {
        OpenAiProperties properties = properties(name, encoding, dimensions, batchSize, key);
        RestClient http = HostedHttp.restClient(RestClient.builder(), properties.baseUrl(), properties.connectTimeout(),
                properties.readTimeout());
        OpenAiClient client = new OpenAiClient(http, JSON, properties);
        return new HostedEmbeddingModel("openai", name, dimensions, batchSize,
                new HostedCalls("openai:" + name, properties.policy()), client::embed);
    }

    /** Backoff from 200 ms, so a 503 retries quickly; a 429's Retry-After still rules. */
    private static OpenAiProperties properties(String name, String encoding, int dimensions, int batchSize, String key) {
        return new OpenAiProperties(simulator.openAiBaseUrl(), key, name, dimensions, false, encoding, batchSize, 0, 3,
                Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    private static JsonNode fixture(String file) {
        return JSON.readTree(Path.of(System.getProperty(EmbeddedSimulator.FIXTURES_PROPERTY)).resolve("openai").resolve(file));
    }

    private static float[] floats(JsonNode values) {
        float[] vector = new float[values.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = values.get(i).floatValue();
        }
        return vector;
    }

    /** Decoded here independently of the client under test. */
    private static float[] littleEndian(String base64) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
        float[] vector = new float[bytes.remaining() / 4];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = bytes.getFloat(i * 4);
        }
        return vector;
    }
}
