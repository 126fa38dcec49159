package com.trackgeek.simulator.igdb;

import com.trackgeek.simulator.ProviderErrorBodies;
import com.trackgeek.simulator.RateLimitDecision;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * IGDB's error bodies: the recorded 401 ("Authorization Failure. Have you tried: ...") and 400 (an array of
 * {@code {title, status, cause}}), or minimal bodies of the same shape when the fixtures folder is missing;
 * for 429 and 500, of which there is no recording, IGDB's gateway's minimal
 * {@code {"message": ...}}.
 */
final class IgdbErrors implements ProviderErrorBodies {

    private final byte[] authorizationFailure;
    private final byte[] syntaxError;

    IgdbErrors(Path fixtures) {
        this.authorizationFailure = read(fixtures.resolve("error-401-authorization-failure.json"),
                "{\"message\":\"Authorization Failure. Have you tried:\"}");
        this.syntaxError = read(fixtures.resolve("error-400-syntax-error.json"),
                "[{\"title\":\"Syntax Error\",\"status\":400}]");
    }

    byte[] authorizationFailure() {
        return authorizationFailure;
    }

    byte[] syntaxError() {
        return syntaxError;
    }

    @Override
    public Object rateLimited(RateLimitDecision decision) {
        return Map.of("message", "Too Many Requests");
    }

    @Override
    public Object serverError(HttpServletRequest request) {
        return Map.of("message", "Internal Server Error");
    }

    /** The recorded body, or without the fixtures folder a minimal one of the same shape. */
    static byte[] read(Path file, String withoutFixtures) {
        if (!Files.isReadable(file)) {
            return withoutFixtures.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
