package com.trackgeek.simulator.openai;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recorded OpenAI embedding answers in {@code <fixtures>/openai} and the requests that produced them (from the
 * recordings' request halves: node-llm's HAR files and pydantic-ai's cassettes). A request equal to a recorded one
 * (model, inputs, encoding) gets the recorded body byte for byte; a recorded text asked in the other encoding, or
 * inside another request, gets its recorded vector, so float and base64 answers of one text agree. The 404 of an
 * unknown model is the recorded body naming that model.
 */
final class OpenAiRecordings {

    record Recording(String model, List<String> inputs, String encoding, String file) {
    }

    static final String NOT_FOUND_FILE = "error-404-model-not-found.json";
    static final String RECORDED_MISSING_MODEL = "nonexistent";

    static final List<Recording> RECORDED = List.of(
            new Recording("text-embedding-3-small", List.of("Hello world"), "float",
                    "embeddings-text-embedding-3-small-float-single.json"),
            new Recording("text-embedding-3-small", List.of("Hello", "World"), "float",
                    "embeddings-text-embedding-3-small-float-two.json"),
            new Recording("text-embedding-3-small", List.of("Hello, world!"), "base64",
                    "embeddings-text-embedding-3-small-base64-single.json"),
            new Recording("text-embedding-3-small", List.of("hello", "world"), "base64",
                    "embeddings-text-embedding-3-small-base64-two-inputs.json"));

    private static final Logger log = LoggerFactory.getLogger(OpenAiRecordings.class);

    private record Key(String model, String text) {
    }

    private final Map<Recording, byte[]> bodies = new HashMap<>();
    private final Map<Key, float[]> vectors = new HashMap<>();
    private final String notFound;

    OpenAiRecordings(Path folder, JsonMapper json) {
        String notFoundBody = null;
        if (!Files.isDirectory(folder)) {
            log.warn("No OpenAI fixtures in {}: synthetic vectors only", folder.toAbsolutePath().normalize());
        } else {
            for (Recording recording : RECORDED) {
                load(folder.resolve(recording.file())).ifPresent(body -> remember(recording, body, json));
            }
            notFoundBody = load(folder.resolve(NOT_FOUND_FILE)).map(body -> new String(body, StandardCharsets.UTF_8)).orElse(null);
        }
        this.notFound = notFoundBody;
    }

    Optional<byte[]> verbatim(String model, List<String> inputs, String encoding) {
        return RECORDED.stream()
                .filter(r -> r.model().equals(model) && r.inputs().equals(inputs) && r.encoding().equals(encoding))
                .findFirst().map(bodies::get);
    }

    Optional<float[]> vector(String model, String text) {
        return Optional.ofNullable(vectors.get(new Key(model, text)));
    }

    /** OpenAI's recorded 404, naming {@code model}; null without fixtures. */
    String modelNotFound(String model) {
        return notFound == null ? null : notFound.replace("`" + RECORDED_MISSING_MODEL + "`", "`" + model + "`");
    }

    /** Little-endian float32, as OpenAI's {@code encoding_format=base64}. */
    static float[] decode(String base64) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
        float[] vector = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(vector);
        return vector;
    }

    static String encode(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    private void remember(Recording recording, byte[] body, JsonMapper json) {
        bodies.put(recording, body);
        for (JsonNode datum : json.readTree(body).path("data")) {
            int index = datum.path("index").asInt();
            JsonNode embedding = datum.path("embedding");
            float[] vector;
            if (embedding.isString()) {
                vector = decode(embedding.asString());
            } else {
                vector = new float[embedding.size()];
                for (int i = 0; i < vector.length; i++) {
                    vector[i] = embedding.get(i).floatValue();
                }
            }
            if (index < recording.inputs().size()) {
                vectors.put(new Key(recording.model(), recording.inputs().get(index)), vector);
            }
        }
    }

    private static Optional<byte[]> load(Path file) {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException missing) {
            log.warn("OpenAI fixture {} unreadable: {}", file, missing.toString());
            return Optional.empty();
        }
    }
}
