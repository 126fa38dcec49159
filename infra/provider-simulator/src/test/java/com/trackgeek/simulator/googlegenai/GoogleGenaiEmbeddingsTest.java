package com.trackgeek.simulator.googlegenai;

import com.trackgeek.simulator.Fixtures;
import com.trackgeek.simulator.SimulatorTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated Gemini embedding methods: recorded bodies as recorded, synthetic vectors otherwise, Google's errors. */
@SimulatorTest
@TestPropertySource(properties = "simulator.google-genai.api-key=the-key")
class GoogleGenaiEmbeddingsTest {

    private static final String MODELS = "/google-genai/v1beta/models/";

    private final MockMvcTester mvc;
    private final JsonMapper json;

    @Autowired
    GoogleGenaiEmbeddingsTest(MockMvcTester mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    @Test
    void aRecordedRequestGetsTheRecordedBodyByteForByte() throws Exception {
        MockHttpServletResponse single = post("text-embedding-004:embedContent", "the-key", request(null, "Hello world", null, null));
        MockHttpServletResponse two = post("text-embedding-004:batchEmbedContents", "the-key",
                Map.of("requests", List.of(request("models/text-embedding-004", "Hello", null, null),
                        request("models/text-embedding-004", "World", null, null))));

        assertThat(single.getStatus()).isEqualTo(200);
        assertThat(single.getContentAsByteArray()).isEqualTo(Files.readAllBytes(
                Fixtures.dir().resolve("google-genai/embedContent-text-embedding-004-hello-world.json")));
        assertThat(two.getContentAsByteArray()).isEqualTo(Files.readAllBytes(
                Fixtures.dir().resolve("google-genai/batchEmbedContents-text-embedding-004-two.json")));
    }

    @Test
    void aRecordedTextInAnotherRequestGetsItsRecordedVectorCutToTheAskedDimensions() {
        JsonNode recorded = Fixtures.read("google-genai/batchEmbedContents-text-embedding-004-two.json").at("/embeddings/1/values");

        JsonNode answer = body(post("text-embedding-004:batchEmbedContents", "the-key",
                Map.of("requests", List.of(request("models/text-embedding-004", "something new", null, 256),
                        request("models/text-embedding-004", "World", null, 256)))));

        JsonNode world = answer.at("/embeddings/1/values");
        assertThat(world.size()).isEqualTo(256);
        for (int i = 0; i < 256; i++) {
            assertThat(world.get(i).floatValue()).isEqualTo(recorded.get(i).floatValue());
        }
        assertThat(answer.at("/embeddings/0/values").size()).isEqualTo(256);
    }

    @Test
    void unrecordedTextsGetTheSameSyntheticUnitVectorEveryTime() {
        Object body = request(null, "Naruto", "RETRIEVAL_DOCUMENT", 64);
        JsonNode first = body(post("gemini-embedding-001:embedContent", "the-key", body)).at("/embedding/values");
        JsonNode again = body(post("gemini-embedding-001:embedContent", "the-key", body)).at("/embedding/values");
        JsonNode other = body(post("gemini-embedding-001:embedContent", "the-key",
                request(null, "Bleach", "RETRIEVAL_DOCUMENT", 64))).at("/embedding/values");

        assertThat(first.size()).isEqualTo(64);
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        double norm = 0;
        for (JsonNode value : first) {
            norm += value.doubleValue() * value.doubleValue();
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void anUnknownModelGetsTheRecorded404() throws Exception {
        MockHttpServletResponse missing = post("nonexistent-model:batchEmbedContents", "the-key",
                Map.of("requests", List.of(request("models/nonexistent-model", "Hello", null, null))));

        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getContentAsByteArray()).isEqualTo(Files.readAllBytes(
                Fixtures.dir().resolve("google-genai/error-404-model-not-found-batchEmbedContents.json")));
        JsonNode other = body(post("no-such-model:embedContent", "the-key", request(null, "Hello", null, null)));
        assertThat(other.at("/error/status").asString()).isEqualTo("NOT_FOUND");
        assertThat(other.at("/error/message").asString()).startsWith("models/no-such-model is not found");
    }

    @Test
    void aWrongKeyIsGooglesApiKeyInvalidAndNoKeyIsPermissionDenied() {
        MockHttpServletResponse wrong = post("text-embedding-004:embedContent", "another-key", request(null, "Hello", null, null));
        MockHttpServletResponse none = post("text-embedding-004:embedContent", null, request(null, "Hello", null, null));

        assertThat(wrong.getStatus()).isEqualTo(400);
        assertThat(body(wrong).at("/error/details/0/reason").asString()).isEqualTo("API_KEY_INVALID");
        assertThat(none.getStatus()).isEqualTo(403);
        assertThat(body(none).at("/error/status").asString()).isEqualTo("PERMISSION_DENIED");
    }

    @Test
    void aBatchOfMoreThanAHundredOrOfAnotherModelIsRefused() {
        Object one = request("models/text-embedding-004", "x", null, null);
        MockHttpServletResponse tooMany = post("text-embedding-004:batchEmbedContents", "the-key",
                Map.of("requests", java.util.Collections.nCopies(101, one)));
        MockHttpServletResponse mixed = post("text-embedding-004:batchEmbedContents", "the-key",
                Map.of("requests", List.of(one, request("models/gemini-embedding-001", "y", null, null))));

        assertThat(tooMany.getStatus()).isEqualTo(400);
        assertThat(mixed.getStatus()).isEqualTo(400);
        assertThat(body(mixed).at("/error/status").asString()).isEqualTo("INVALID_ARGUMENT");
    }

    private static Map<String, Object> request(String model, String text, String taskType, Integer dimensions) {
        Map<String, Object> request = new java.util.LinkedHashMap<>();
        if (model != null) {
            request.put("model", model);
        }
        request.put("content", Map.of("parts", List.of(Map.of("text", text))));
        if (taskType != null) {
            request.put("taskType", taskType);
        }
        if (dimensions != null) {
            request.put("outputDimensionality", dimensions);
        }
        return request;
    }

    private MockHttpServletResponse post(String call, String key, Object body) {
        var request = mvc.post().uri(MODELS + call).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body));
        if (key != null) {
            request = request.header("x-goog-api-key", key);
        }
        return request.exchange().getResponse();
    }

    private JsonNode body(MockHttpServletResponse response) {
        try {
            return json.readTree(response.getContentAsByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
