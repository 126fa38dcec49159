package com.trackgeek.simulator.openai;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated OpenAI embeddings: recorded bodies as recorded, one vector per text in either encoding, OpenAI's errors. */
@SimulatorTest
@TestPropertySource(properties = "simulator.openai.api-key=sk-the-test-key")
class OpenAiEmbeddingsTest {

    private final MockMvcTester mvc;
    private final JsonMapper json;

    @Autowired
    OpenAiEmbeddingsTest(MockMvcTester mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    @Test
    void recordedRequestsGetTheRecordedBodiesByteForByte() throws Exception {
        MockHttpServletResponse floats = post("sk-the-test-key", request("text-embedding-3-small", "Hello world", null, null));
        MockHttpServletResponse base64 = post("sk-the-test-key",
                request("text-embedding-3-small", List.of("Hello, world!"), "base64", null));

        assertThat(floats.getContentAsByteArray()).isEqualTo(fixture("embeddings-text-embedding-3-small-float-single.json"));
        assertThat(base64.getContentAsByteArray()).isEqualTo(fixture("embeddings-text-embedding-3-small-base64-single.json"));
    }

    @Test
    void aRecordedTextAskedInTheOtherEncodingIsTheSameVector() {
        JsonNode recordedFloats = Fixtures.read("openai/embeddings-text-embedding-3-small-float-single.json").at("/data/0/embedding");
        String recordedBase64 = Fixtures.read("openai/embeddings-text-embedding-3-small-base64-single.json").at("/data/0/embedding").asString();

        float[] asBase64 = OpenAiRecordings.decode(body(post("sk-the-test-key",
                request("text-embedding-3-small", List.of("Hello world"), "base64", null))).at("/data/0/embedding").asString());
        JsonNode asFloats = body(post("sk-the-test-key",
                request("text-embedding-3-small", List.of("Hello, world!"), "float", null))).at("/data/0/embedding");

        assertThat(asBase64).hasSize(recordedFloats.size());
        for (int i = 0; i < asBase64.length; i++) {
            assertThat(asBase64[i]).isEqualTo(recordedFloats.get(i).floatValue());
        }
        float[] decoded = OpenAiRecordings.decode(recordedBase64);
        assertThat(asFloats.size()).isEqualTo(decoded.length);
        for (int i = 0; i < decoded.length; i++) {
            assertThat(asFloats.get(i).floatValue()).isEqualTo(decoded[i]);
        }
    }

    @Test
    void otherTextsGetStableSyntheticVectorsOfTheAskedDimensions() {
        Object naruto = request("text-embedding-3-small", List.of("Naruto", "Bleach"), "float", 256);
        JsonNode first = body(post("sk-the-test-key", naruto));
        JsonNode again = body(post("sk-the-test-key", naruto));

        assertThat(first.at("/data/0/embedding").size()).isEqualTo(256);
        assertThat(first.at("/data/1/index").asInt()).isEqualTo(1);
        assertThat(again).isEqualTo(first);
        assertThat(first.at("/data/0/embedding")).isNotEqualTo(first.at("/data/1/embedding"));
        assertThat(first.at("/model").asString()).isEqualTo("text-embedding-3-small");
    }

    @Test
    void anUnknownModelGetsTheRecorded404AndAWrongKeyA401() throws Exception {
        MockHttpServletResponse missing = post("sk-the-test-key", request("nonexistent", List.of("Hello"), null, null));
        MockHttpServletResponse wrongKey = post("sk-another-key-123", request("text-embedding-3-small", "Hello", null, null));

        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getContentAsByteArray()).isEqualTo(fixture("error-404-model-not-found.json"));
        assertThat(wrongKey.getStatus()).isEqualTo(401);
        assertThat(body(wrongKey).at("/error/code").asString()).isEqualTo("invalid_api_key");
        assertThat(body(wrongKey).toString()).doesNotContain("sk-another-key-123");
    }

    private static Map<String, Object> request(String model, Object input, String encoding, Integer dimensions) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("model", model);
        request.put("input", input);
        if (encoding != null) {
            request.put("encoding_format", encoding);
        }
        if (dimensions != null) {
            request.put("dimensions", dimensions);
        }
        return request;
    }

    private MockHttpServletResponse post(String key, Object body) {
        return mvc.post().uri("/openai/v1/embeddings").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + key)
                .content(json.writeValueAsString(body)).exchange().getResponse();
    }

    private static byte[] fixture(String name) throws Exception {
        return Files.readAllBytes(Fixtures.dir().resolve("openai").resolve(name));
    }

    private JsonNode body(MockHttpServletResponse response) {
        try {
            return json.readTree(response.getContentAsByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
