package com.trackgeek.simulator.googlegenai;

import com.trackgeek.simulator.SyntheticVectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Gemini API's embedding methods, {@code POST /google-genai/v1beta/models/{model}:embedContent} and
 * {@code :batchEmbedContents} (at most 100 requests, each naming the same model). The key comes in
 * {@code x-goog-api-key} or {@code ?key=}. Recorded requests get the recorded bodies ({@link GeminiRecordings});
 * other texts deterministic synthetic vectors of {@code outputDimensionality} (else the model's full size).
 */
@RestController
class GoogleGenaiController {

    static final String MODELS = "/google-genai/v1beta/models/";
    private static final int MAX_BATCH = 100;

    private final GeminiRecordings recordings;
    private final GoogleGenaiProperties properties;
    private final Map<String, Integer> models;
    private final JsonMapper json;

    GoogleGenaiController(GeminiRecordings recordings, GoogleGenaiProperties properties, JsonMapper json) {
        this.recordings = recordings;
        this.properties = properties;
        this.models = properties.modelDimensions();
        this.json = json;
    }

    @PostMapping(path = MODELS + "{call}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> call(@PathVariable String call,
                                @RequestHeader(name = "x-goog-api-key", required = false) String headerKey,
                                @RequestParam(name = "key", required = false) String queryKey,
                                @RequestBody JsonNode body) {
        String key = headerKey != null ? headerKey : queryKey;
        if (key == null || key.isBlank()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(GoogleGenaiErrors.keyMissing());
        }
        if (!properties.accepts(key)) {
            return ResponseEntity.badRequest().body(GoogleGenaiErrors.keyInvalid());
        }
        int colon = call.lastIndexOf(':');
        String model = colon < 0 ? call : call.substring(0, colon);
        String method = colon < 0 ? "" : call.substring(colon + 1);
        if (!method.equals("embedContent") && !method.equals("batchEmbedContents")) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(GoogleGenaiErrors.invalidArgument(
                    "Method " + method + " is not found for models/" + model));
        }
        if (!models.containsKey(model)) {
            String recorded = recordings.modelNotFound(model);
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(recorded != null
                    ? recorded.getBytes(StandardCharsets.UTF_8) : GoogleGenaiErrors.invalidArgument("models/" + model + " is not found"));
        }
        List<JsonNode> requests = new ArrayList<>();
        if (method.equals("embedContent")) {
            requests.add(body);
        } else {
            body.path("requests").forEach(requests::add);
            if (requests.isEmpty() || requests.size() > MAX_BATCH) {
                return ResponseEntity.badRequest().body(GoogleGenaiErrors.invalidArgument(
                        "* BatchEmbedContentsRequest.requests: at most 100 requests can be in one batch"));
            }
            for (JsonNode request : requests) {
                if (!request.path("model").asString("").equals("models/" + model)) {
                    return ResponseEntity.badRequest().body(GoogleGenaiErrors.invalidArgument(
                            "* BatchEmbedContentsRequest.model: Model names must match, got "
                                    + request.path("model").asString("") + " and models/" + model));
                }
            }
        }
        return answer(method, model, requests);
    }

    private ResponseEntity<Object> answer(String method, String model, List<JsonNode> requests) {
        List<String> texts = requests.stream().map(GoogleGenaiController::text).toList();
        String taskType = taskType(requests.getFirst());
        boolean sameOptions = requests.stream().allMatch(r -> java.util.Objects.equals(taskType(r), taskType)
                && !r.hasNonNull("outputDimensionality"));
        if (sameOptions) {
            Optional<byte[]> recorded = recordings.verbatim(method, model, taskType, texts);
            if (recorded.isPresent()) {
                // Byte for byte, as recorded (byte[] bypasses the JSON converter).
                return ResponseEntity.ok(recorded.get());
            }
        }
        ArrayNode embeddings = json.createArrayNode();
        for (int i = 0; i < requests.size(); i++) {
            JsonNode request = requests.get(i);
            int full = models.get(model);
            int dimensions = request.hasNonNull("outputDimensionality") ? request.get("outputDimensionality").asInt() : full;
            if (dimensions < 1 || dimensions > full) {
                return ResponseEntity.badRequest().body(GoogleGenaiErrors.invalidArgument(
                        "* EmbedContentRequest.output_dimensionality: must be between 1 and " + full));
            }
            String task = taskType(request);
            String text = texts.get(i);
            float[] vector = recordings.vector(model, task, text)
                    .map(recorded -> java.util.Arrays.copyOf(recorded, Math.min(recorded.length, dimensions)))
                    .filter(recorded -> recorded.length == dimensions)
                    .orElseGet(() -> SyntheticVectors.of(properties.seed(), model + "/" + task, text, dimensions));
            ObjectNode embedding = json.createObjectNode();
            ArrayNode values = embedding.putArray("values");
            for (float value : vector) {
                values.add(value);
            }
            embeddings.add(embedding);
        }
        ObjectNode answer = json.createObjectNode();
        if (method.equals("embedContent")) {
            answer.set("embedding", embeddings.get(0));
        } else {
            answer.set("embeddings", embeddings);
        }
        return ResponseEntity.ok(answer);
    }

    private static String taskType(JsonNode request) {
        return request.hasNonNull("taskType") ? request.get("taskType").asString() : null;
    }

    private static String text(JsonNode request) {
        StringBuilder text = new StringBuilder();
        request.path("content").path("parts").forEach(part -> text.append(part.path("text").asString("")));
        return text.toString();
    }
}
