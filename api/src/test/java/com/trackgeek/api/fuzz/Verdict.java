package com.trackgeek.api.fuzz;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;

/**
 * What the api promises for any request whatsoever: a success (1xx-3xx), or a 4xx that is a problem detail
 * ({@code application/problem+json} with status, title, detail and code); never a 5xx, never an HTML or plain-text
 * error page, never an empty 4xx body, never a connection closed without an answer. A HEAD answer has no body by
 * HTTP's rules, so only its content type is checked; an HTTP/0.9 answer (to a request line without a version) is
 * nothing but a body, which must be a 4xx problem.
 */
final class Verdict {

    private Verdict() {
    }

    /** What is wrong with the answer, or empty when it keeps the promise. */
    static Optional<String> problemWith(FuzzCase fuzzCase, RawAnswer answer, JsonMapper json) {
        if (!answer.answered()) {
            return Optional.of("no answer (" + answer.failure() + ")");
        }
        if (answer.status() == RawAnswer.HTTP_09) {
            return problemIn(answer, json).map(problem -> "an HTTP/0.9 answer (no status line): " + problem)
                    .or(() -> problemStatus(answer, json) / 100 == 4 ? Optional.empty()
                            : Optional.of("an HTTP/0.9 answer whose problem is no 4xx"));
        }
        int status = answer.status();
        if (status >= 500) {
            return Optional.of("a " + status + ", a server error for a caller's request");
        }
        if (status < 400) {
            return Optional.empty();
        }
        String type = answer.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/problem+json")) {
            return Optional.of("a " + status + " of type " + type + ", not application/problem+json");
        }
        if (fuzzCase.isHead()) {
            return Optional.empty();
        }
        if (problemStatus(answer, json) != status) {
            return Optional.of("a " + status + " whose problem says another status");
        }
        return problemIn(answer, json).map(problem -> "a " + status + " " + problem);
    }

    /** What keeps the body from being a problem detail with status, title, detail and code. */
    private static Optional<String> problemIn(RawAnswer answer, JsonMapper json) {
        if (answer.body().length == 0) {
            return Optional.of("with an empty body");
        }
        JsonNode problem;
        try {
            problem = json.readTree(answer.body());
        } catch (RuntimeException notJson) {
            return Optional.of("whose body is not JSON");
        }
        if (!problem.path("status").isInt()) {
            return Optional.of("whose problem has no status");
        }
        for (String field : new String[]{"title", "detail", "code"}) {
            if (!problem.path(field).isString() || problem.path(field).asString().isBlank()) {
                return Optional.of("whose problem has no " + field);
            }
        }
        return Optional.empty();
    }

    private static int problemStatus(RawAnswer answer, JsonMapper json) {
        try {
            return json.readTree(answer.body()).path("status").asInt();
        } catch (RuntimeException notJson) {
            return 0;
        }
    }
}
