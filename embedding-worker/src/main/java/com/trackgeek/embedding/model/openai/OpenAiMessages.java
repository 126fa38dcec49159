package com.trackgeek.embedding.model.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * The OpenAI embeddings messages, which OpenAI-compatible servers share: {@code {model, input: [...],
 * encoding_format, dimensions}} answered by {@code {data: [{index, embedding}], model, usage}} where
 * {@code embedding} is a float array or, with {@code encoding_format=base64}, a base64 string of little-endian
 * float32. Errors are {@code {error: {message, type, param, code}}}.
 */
final class OpenAiMessages {

    private OpenAiMessages() {
    }

    /** @param dimensions null unless configured to be sent (only some models and servers take it) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EmbeddingsRequest(String model, List<String> input,
                             @JsonProperty("encoding_format") String encodingFormat, Integer dimensions) {
    }

    /** @param embedding an array of floats, or a base64 string */
    record Datum(int index, JsonNode embedding) {
    }

    record EmbeddingsAnswer(List<Datum> data, String model) {
    }

    record ErrorEnvelope(ErrorBody error) {
    }

    /** @param code a string ({@code model_not_found}, {@code invalid_api_key}, {@code insufficient_quota}) or null */
    record ErrorBody(String message, String type, String code) {
    }
}
