package com.trackgeek.simulator.openai;

import com.trackgeek.simulator.SyntheticVectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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
 * OpenAI's {@code POST /openai/v1/embeddings}: {@code input} a string or an array of at most 2048 strings,
 * {@code encoding_format} {@code float} (the default) or {@code base64} (little-endian float32), optional
 * {@code dimensions}. Recorded requests get the recorded bodies ({@link OpenAiRecordings}); recorded texts their
 * recorded vectors in either encoding at full size; anything else deterministic synthetic vectors.
 */
@RestController
class OpenAiEmbeddingsController {

    static final String PATH = "/openai/v1/embeddings";
    private static final int MAX_INPUTS = 2048;

    private final OpenAiRecordings recordings;
    private final OpenAiProperties properties;
    private final Map<String, Integer> models;
    private final JsonMapper json;

    OpenAiEmbeddingsController(OpenAiRecordings recordings, OpenAiProperties properties, JsonMapper json) {
        this.recordings = recordings;
        this.properties = properties;
        this.models = properties.modelDimensions();
        this.json = json;
    }

    @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> embeddings(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                      @RequestBody JsonNode body) {
        if (!properties.accepts(authorization)) {
            String presented = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(OpenAiErrors.invalidKey(presented));
        }
        String model = body.path("model").asString("");
        if (!models.containsKey(model)) {
            String recorded = recordings.modelNotFound(model);
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(recorded != null
                    ? recorded.getBytes(StandardCharsets.UTF_8)
                    : OpenAiErrors.invalidRequest("The model `" + model + "` does not exist", null));
        }
        List<String> inputs = new ArrayList<>();
        JsonNode input = body.path("input");
        if (input.isString()) {
            inputs.add(input.asString());
        } else {
            input.forEach(text -> inputs.add(text.asString("")));
        }
        if (inputs.isEmpty() || inputs.size() > MAX_INPUTS || !(input.isString() || input.isArray())) {
            return ResponseEntity.badRequest().body(OpenAiErrors.invalidRequest(
                    "'input' must be a string or an array of 1 to 2048 strings", "input"));
        }
        String encoding = body.hasNonNull("encoding_format") ? body.get("encoding_format").asString() : "float";
        if (!encoding.equals("float") && !encoding.equals("base64")) {
            return ResponseEntity.badRequest().body(OpenAiErrors.invalidRequest(
                    "'" + encoding + "' is not one of ['float', 'base64'] - 'encoding_format'", "encoding_format"));
        }
        int full = models.get(model);
        int dimensions = body.hasNonNull("dimensions") ? body.get("dimensions").asInt() : full;
        if (dimensions < 1 || dimensions > full) {
            return ResponseEntity.badRequest().body(OpenAiErrors.invalidRequest(
                    "This model does not support specifying dimensions above " + full + ".", "dimensions"));
        }
        if (!body.hasNonNull("dimensions")) {
            Optional<byte[]> recorded = recordings.verbatim(model, inputs, encoding);
            if (recorded.isPresent()) {
                // Byte for byte, as recorded (byte[] bypasses the JSON converter).
                return ResponseEntity.ok(recorded.get());
            }
        }
        return ResponseEntity.ok(answer(model, inputs, encoding, dimensions, full));
    }

    private ObjectNode answer(String model, List<String> inputs, String encoding, int dimensions, int full) {
        ObjectNode answer = json.createObjectNode();
        answer.put("object", "list");
        ArrayNode data = answer.putArray("data");
        int tokens = 0;
        for (int i = 0; i < inputs.size(); i++) {
            String text = inputs.get(i);
            float[] vector = dimensions == full ? recordings.vector(model, text).orElse(null) : null;
            if (vector == null) {
                vector = SyntheticVectors.of(properties.seed(), model, text, dimensions);
            }
            ObjectNode datum = data.addObject();
            datum.put("object", "embedding");
            datum.put("index", i);
            if (encoding.equals("base64")) {
                datum.put("embedding", OpenAiRecordings.encode(vector));
            } else {
                ArrayNode values = datum.putArray("embedding");
                for (float value : vector) {
                    values.add(value);
                }
            }
            tokens += Math.max(1, text.split("\\s+").length);
        }
        answer.put("model", model);
        ObjectNode usage = answer.putObject("usage");
        usage.put("prompt_tokens", tokens);
        usage.put("total_tokens", tokens);
        return answer;
    }
}
