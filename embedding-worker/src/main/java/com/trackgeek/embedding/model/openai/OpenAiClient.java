package com.trackgeek.embedding.model.openai;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.embedding.model.hosted.HostedHttp;
import com.trackgeek.embedding.model.hosted.HostedHttp.ErrorAnswer;
import com.trackgeek.embedding.model.hosted.HostedModelException;
import com.trackgeek.embedding.model.openai.OpenAiMessages.Datum;
import com.trackgeek.embedding.model.openai.OpenAiMessages.EmbeddingsAnswer;
import com.trackgeek.embedding.model.openai.OpenAiMessages.EmbeddingsRequest;
import com.trackgeek.embedding.model.openai.OpenAiMessages.ErrorEnvelope;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;

/**
 * One {@code POST /v1/embeddings} to an OpenAI-compatible server, the key as a Bearer token. Answers are put back
 * in input order by their {@code index} and decoded from either encoding (base64: little-endian float32). Errors
 * map by OpenAI's {@code code} first: {@code model_not_found}, {@code invalid_api_key}, and
 * {@code insufficient_quota} (a 429 that no wait cures: permanent), then by status. A refused key's message is
 * left out: OpenAI quotes the ends of the key it got.
 */
final class OpenAiClient {

    private final RestClient http;
    private final JsonMapper json;
    private final OpenAiProperties properties;

    OpenAiClient(RestClient http, JsonMapper json, OpenAiProperties properties) {
        this.http = http;
        this.json = json;
        this.properties = properties;
    }

    List<float[]> embed(List<String> texts) {
        EmbeddingsRequest request = new EmbeddingsRequest(properties.model(), texts, properties.encodingFormat(),
                properties.sendDimensions() ? properties.dimensions() : null);
        RestClient.RequestBodySpec post = http.post().uri("/v1/embeddings").contentType(MediaType.APPLICATION_JSON);
        if (!properties.apiKey().isBlank()) {
            post = post.header(HttpHeaders.AUTHORIZATION, "Bearer " + properties.apiKey());
        }
        EmbeddingsAnswer answer = HostedHttp.exchange(post.body(request), EmbeddingsAnswer.class, this::mapError);
        if (answer.data() == null || answer.data().size() != texts.size()) {
            throw new HostedModelException(ErrorCode.PROVIDER_PAYLOAD_INVALID, false, null, "asked for " + texts.size()
                    + " embeddings, got " + (answer.data() == null ? "none" : answer.data().size()), null);
        }
        float[][] vectors = new float[texts.size()][];
        for (Datum datum : answer.data()) {
            if (datum.index() < 0 || datum.index() >= texts.size() || vectors[datum.index()] != null) {
                throw new HostedModelException(ErrorCode.PROVIDER_PAYLOAD_INVALID, false, null,
                        "an embedding with index " + datum.index() + " for " + texts.size() + " inputs", null);
            }
            vectors[datum.index()] = decode(datum.embedding());
        }
        return List.of(vectors);
    }

    /** A float array, or base64 of little-endian float32 ({@code encoding_format=base64}). */
    static float[] decode(JsonNode embedding) {
        if (embedding != null && embedding.isString()) {
            ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(embedding.asString())).order(ByteOrder.LITTLE_ENDIAN);
            float[] vector = new float[bytes.remaining() / Float.BYTES];
            bytes.asFloatBuffer().get(vector);
            return vector;
        }
        if (embedding != null && embedding.isArray()) {
            float[] vector = new float[embedding.size()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = embedding.get(i).floatValue();
            }
            return vector;
        }
        throw new HostedModelException(ErrorCode.PROVIDER_PAYLOAD_INVALID, false, null,
                "an embedding that is neither a float array nor base64", null);
    }

    private HostedModelException mapError(ErrorAnswer answer) {
        OpenAiMessages.ErrorBody error = parse(answer.body());
        if (error == null) {
            return HostedHttp.byStatus(answer, "(no OpenAI error body)");
        }
        String code = error.code() == null ? "" : error.code();
        String said = HostedHttp.withoutKey((error.code() == null ? error.type() : code) + ": " + error.message(),
                properties.apiKey());
        if (code.equals("invalid_api_key") || answer.status() == 401) {
            return HostedModelException.permanent(ErrorCode.EMBEDDING_CREDENTIALS_REJECTED,
                    "HTTP " + answer.status() + " " + (error.code() == null ? error.type() : code));
        }
        if (code.equals("model_not_found")) {
            return HostedModelException.permanent(ErrorCode.EMBEDDING_MODEL_NOT_FOUND, "HTTP " + answer.status() + " " + said);
        }
        if (code.equals("insufficient_quota")) {
            return HostedModelException.permanent(ErrorCode.EMBEDDING_RATE_LIMITED, "HTTP " + answer.status() + " " + said);
        }
        return HostedHttp.byStatus(answer, said);
    }

    private OpenAiMessages.ErrorBody parse(byte[] body) {
        try {
            ErrorEnvelope envelope = json.readValue(body, ErrorEnvelope.class);
            return envelope == null ? null : envelope.error();
        } catch (JacksonException notOpenAis) {
            return null;
        }
    }
}
