package com.trackgeek.simulator.tmdb;

import com.trackgeek.simulator.ProviderErrorBodies;
import com.trackgeek.simulator.RateLimitDecision;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * TMDB's error bodies: the recorded 401, 404 and 429 where the fixtures have them (TMDB's own wording), and
 * TMDB's documented status codes where nothing was recorded (500: 11, invalid input: 18, change feeds' date range: 20, page: 22, date: 23).
 */
final class TmdbErrors implements ProviderErrorBodies {

    private final JsonNode invalidApiKey;
    private final JsonNode notFound;
    private final JsonNode rateLimited;
    private final JsonMapper json;

    TmdbErrors(Path fixtures, JsonMapper json) {
        this.json = json;
        this.invalidApiKey = recordedOr(fixtures.resolve("error-401-invalid-api-key.json"),
                body(7, "Invalid API key: You must be granted a valid key."));
        this.notFound = recordedOr(fixtures.resolve("error-404-resource-not-found.json"),
                body(34, "The resource you requested could not be found."));
        this.rateLimited = recordedOr(fixtures.resolve("error-429-request-count-over-limit.json"),
                body(25, "Your request count (41) is over the allowed limit of 40."));
    }

    @Override
    public Object rateLimited(RateLimitDecision decision) {
        return rateLimited;
    }

    @Override
    public Object serverError(HttpServletRequest request) {
        return body(11, "Internal error: Something went wrong, contact TMDB.");
    }

    JsonNode invalidApiKey() {
        return invalidApiKey;
    }

    ResponseEntity<JsonNode> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(notFound);
    }

    /** What the simulator answers for an {@code append_to_response} of more than 20 entries (not recorded). */
    ResponseEntity<JsonNode> tooManyAppends() {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .body(body(18, "Validation failed: append_to_response accepts at most 20 items."));
    }

    /** TMDB's documented answer to a change-feed range of more than 14 days (status code 20; not recorded). */
    ResponseEntity<JsonNode> invalidDateRange() {
        return ResponseEntity.status(422)
                .body(body(20, "Invalid date range: Should be a range no longer than 14 days."));
    }

    /** TMDB's documented answer to a date that is not {@code YYYY-MM-DD} (status code 23; not recorded). */
    ResponseEntity<JsonNode> invalidDate() {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .body(body(23, "Invalid date: Format needs to be YYYY-MM-DD."));
    }

    /** TMDB's documented answer to a page outside 1..1000 of a change feed (status code 22; not recorded). */
    ResponseEntity<JsonNode> invalidPage() {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .body(body(22, "Invalid page: Pages start at 1 and max at 1000. They are expected to be an integer."));
    }

    private ObjectNode body(int statusCode, String message) {
        return json.createObjectNode().put("success", false).put("status_code", statusCode).put("status_message", message);
    }

    private JsonNode recordedOr(Path file, JsonNode constructed) {
        return Files.isRegularFile(file) ? json.readTree(file.toFile()) : constructed;
    }
}
