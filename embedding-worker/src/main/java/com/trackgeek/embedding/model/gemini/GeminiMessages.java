package com.trackgeek.embedding.model.gemini;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The Gemini API's embedding messages (v1beta), as far as we send and read them: {@code embedContent} takes one
 * {@link EmbedRequest} and answers {@code {embedding: {values}}}; {@code batchEmbedContents} takes
 * {@code {requests: [...]}} and answers {@code {embeddings: [{values}]}} in request order. Errors are Google's
 * envelope {@code {error: {code, message, status, details}}}.
 */
final class GeminiMessages {

    private GeminiMessages() {
    }

    /** @param model {@code models/<name>}: batch requests name the model in each request too */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EmbedRequest(String model, Content content, String taskType, Integer outputDimensionality) {
    }

    record Content(List<Part> parts) {
        static Content of(String text) {
            return new Content(List.of(new Part(text)));
        }
    }

    record Part(String text) {
    }

    record BatchRequest(List<EmbedRequest> requests) {
    }

    record Values(float[] values) {
    }

    record SingleAnswer(Values embedding) {
    }

    record BatchAnswer(List<Values> embeddings) {
    }

    record ErrorEnvelope(ErrorBody error) {
    }

    /** @param details for a refused key: {@code [{"@type": "...ErrorInfo", "reason": "API_KEY_INVALID"}]} */
    record ErrorBody(Integer code, String message, String status, List<Detail> details) {
    }

    record Detail(String reason) {
    }
}
