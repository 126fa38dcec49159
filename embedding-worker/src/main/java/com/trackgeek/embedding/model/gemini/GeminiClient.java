package com.trackgeek.embedding.model.gemini;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.embedding.model.hosted.HostedHttp;
import com.trackgeek.embedding.model.hosted.HostedHttp.ErrorAnswer;
import com.trackgeek.embedding.model.hosted.HostedModelException;
import com.trackgeek.embedding.model.gemini.GeminiMessages.BatchAnswer;
import com.trackgeek.embedding.model.gemini.GeminiMessages.BatchRequest;
import com.trackgeek.embedding.model.gemini.GeminiMessages.Content;
import com.trackgeek.embedding.model.gemini.GeminiMessages.EmbedRequest;
import com.trackgeek.embedding.model.gemini.GeminiMessages.ErrorEnvelope;
import com.trackgeek.embedding.model.gemini.GeminiMessages.SingleAnswer;
import com.trackgeek.embedding.model.gemini.GeminiMessages.Values;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * One HTTP request to the Gemini API: {@code embedContent} for one text (what a high-lane item costs),
 * {@code batchEmbedContents} for several, the key in {@code x-goog-api-key} (never in the URL, which ends up
 * in logs and traces). Google's error envelope is mapped to our codes: 404 NOT_FOUND is a missing model, a 400
 * whose reason is API_KEY_INVALID (Google's answer to a bad key) or a 401/403 a refused key, 429
 * RESOURCE_EXHAUSTED and 5xx retryable.
 */
final class GeminiClient {

    private static final String KEY_HEADER = "x-goog-api-key";

    private final RestClient http;
    private final JsonMapper json;
    private final GeminiProperties properties;

    GeminiClient(RestClient http, JsonMapper json, GeminiProperties properties) {
        this.http = http;
        this.json = json;
        this.properties = properties;
    }

    List<float[]> embed(List<String> texts) {
        if (texts.size() == 1) {
            SingleAnswer answer = HostedHttp.exchange(post("embedContent", request(texts.getFirst())),
                    SingleAnswer.class, this::mapError);
            return List.of(values(answer.embedding()));
        }
        BatchRequest batch = new BatchRequest(texts.stream().map(this::request).toList());
        BatchAnswer answer = HostedHttp.exchange(post("batchEmbedContents", batch), BatchAnswer.class, this::mapError);
        if (answer.embeddings() == null || answer.embeddings().size() != texts.size()) {
            throw new HostedModelException(ErrorCode.PROVIDER_PAYLOAD_INVALID, false, null,
                    "asked for " + texts.size() + " embeddings, got "
                            + (answer.embeddings() == null ? "none" : answer.embeddings().size()), null);
        }
        return answer.embeddings().stream().map(GeminiClient::values).toList();
    }

    private RestClient.RequestHeadersSpec<?> post(String method, Object body) {
        return http.post()
                .uri("/v1beta/models/{model}:" + method, properties.model())
                .header(KEY_HEADER, properties.apiKey())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    private EmbedRequest request(String text) {
        String taskType = properties.taskType().isBlank() ? null : properties.taskType();
        return new EmbedRequest("models/" + properties.model(), Content.of(text), taskType, properties.dimensions());
    }

    private static float[] values(Values embedding) {
        if (embedding == null || embedding.values() == null) {
            throw new HostedModelException(ErrorCode.PROVIDER_PAYLOAD_INVALID, false, null, "an embedding without values", null);
        }
        return embedding.values();
    }

    private HostedModelException mapError(ErrorAnswer answer) {
        GeminiMessages.ErrorBody error = parse(answer.body());
        if (error == null) {
            return HostedHttp.byStatus(answer, "(no Google error body)");
        }
        String said = HostedHttp.withoutKey(error.status() + ": " + error.message(), properties.apiKey());
        boolean keyRefused = "PERMISSION_DENIED".equals(error.status()) || "UNAUTHENTICATED".equals(error.status())
                || (error.details() != null && error.details().stream().anyMatch(detail -> "API_KEY_INVALID".equals(detail.reason())));
        if (keyRefused) {
            // Google's words about a refused key are about the key: its status says enough.
            return HostedModelException.permanent(ErrorCode.EMBEDDING_CREDENTIALS_REJECTED,
                    "HTTP " + answer.status() + " " + error.status() + ": the key was refused");
        }
        if ("NOT_FOUND".equals(error.status())) {
            return HostedModelException.permanent(ErrorCode.EMBEDDING_MODEL_NOT_FOUND, "HTTP " + answer.status() + " " + said);
        }
        return HostedHttp.byStatus(answer, said);
    }

    private GeminiMessages.ErrorBody parse(byte[] body) {
        try {
            ErrorEnvelope envelope = json.readValue(body, ErrorEnvelope.class);
            return envelope == null ? null : envelope.error();
        } catch (JacksonException notGoogles) {
            return null;
        }
    }
}
