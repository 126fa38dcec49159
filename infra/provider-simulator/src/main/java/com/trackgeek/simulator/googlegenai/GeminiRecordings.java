package com.trackgeek.simulator.googlegenai;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The recorded Gemini embedding answers in {@code <fixtures>/google-genai} and the requests that produced them
 * (from the recordings' own request halves: node-llm's HAR files and pydantic-ai's cassettes). A request equal
 * to a recorded one gets the recorded body byte for byte; a recorded text inside another request gets its
 * recorded vector (cut to {@code outputDimensionality}, as Gemini does); the 404 body of an unknown model is the
 * recorded one with the model's name in it. A missing folder leaves only synthetic vectors and a warning.
 */
final class GeminiRecordings {

    /** One recorded exchange. {@code taskType} is null where the recorded request sent none. */
    record Recording(String method, String model, String taskType, List<String> texts, String file) {
    }

    static final String NOT_FOUND_FILE = "error-404-model-not-found-batchEmbedContents.json";
    /** The model name the recorded 404 names. */
    static final String RECORDED_MISSING_MODEL = "nonexistent-model";

    static final List<Recording> RECORDED = List.of(
            new Recording("embedContent", "text-embedding-004", null, List.of("Hello world"),
                    "embedContent-text-embedding-004-hello-world.json"),
            new Recording("batchEmbedContents", "text-embedding-004", null, List.of("Hello world"),
                    "batchEmbedContents-text-embedding-004-single.json"),
            new Recording("batchEmbedContents", "text-embedding-004", null, List.of("Hello", "World"),
                    "batchEmbedContents-text-embedding-004-two.json"),
            new Recording("batchEmbedContents", "gemini-embedding-001", "RETRIEVAL_QUERY", List.of("Hello, world!"),
                    "batchEmbedContents-gemini-embedding-001-query.json"),
            new Recording("batchEmbedContents", "gemini-embedding-2-preview", "RETRIEVAL_QUERY", List.of("Hello, world!"),
                    "batchEmbedContents-gemini-embedding-2-preview-query.json"));

    private static final Logger log = LoggerFactory.getLogger(GeminiRecordings.class);

    private record Key(String model, String taskType, String text) {
    }

    private final Map<Recording, byte[]> bodies = new HashMap<>();
    private final Map<Key, float[]> vectors = new HashMap<>();
    private final String notFound;

    GeminiRecordings(Path folder, JsonMapper json) {
        String notFoundBody = null;
        if (!Files.isDirectory(folder)) {
            log.warn("No Gemini fixtures in {}: synthetic vectors only", folder.toAbsolutePath().normalize());
        } else {
            for (Recording recording : RECORDED) {
                load(folder.resolve(recording.file()), json).ifPresent(body -> remember(recording, body, json));
            }
            notFoundBody = load(folder.resolve(NOT_FOUND_FILE), json)
                    .map(body -> new String(body, StandardCharsets.UTF_8)).orElse(null);
        }
        this.notFound = notFoundBody;
    }

    /** The recorded body of exactly this request, if one was recorded. */
    Optional<byte[]> verbatim(String method, String model, String taskType, List<String> texts) {
        return RECORDED.stream()
                .filter(r -> r.method().equals(method) && r.model().equals(model)
                        && Objects.equals(r.taskType(), taskType) && r.texts().equals(texts))
                .findFirst().map(bodies::get);
    }

    /** The recorded vector of this text for this model and task type, in full. */
    Optional<float[]> vector(String model, String taskType, String text) {
        return Optional.ofNullable(vectors.get(new Key(model, taskType, text)));
    }

    /** Google's recorded 404 for an unknown model, naming {@code model}; null without fixtures. */
    String modelNotFound(String model) {
        return notFound == null ? null : notFound.replace("models/" + RECORDED_MISSING_MODEL, "models/" + model);
    }

    private void remember(Recording recording, byte[] body, JsonMapper json) {
        bodies.put(recording, body);
        JsonNode root = json.readTree(body);
        List<JsonNode> embeddings = new ArrayList<>();
        if (root.has("embedding")) {
            embeddings.add(root.get("embedding"));
        } else {
            root.path("embeddings").forEach(embeddings::add);
        }
        for (int i = 0; i < embeddings.size() && i < recording.texts().size(); i++) {
            JsonNode values = embeddings.get(i).path("values");
            float[] vector = new float[values.size()];
            for (int j = 0; j < vector.length; j++) {
                vector[j] = values.get(j).floatValue();
            }
            vectors.put(new Key(recording.model(), recording.taskType(), recording.texts().get(i)), vector);
        }
    }

    private static Optional<byte[]> load(Path file, JsonMapper json) {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException missing) {
            log.warn("Gemini fixture {} unreadable: {}", file, missing.toString());
            return Optional.empty();
        }
    }
}
