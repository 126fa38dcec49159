package com.trackgeek.simulator.tmdb;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

/** GETs a path under the simulated TMDB's base path, with or without a credential, and parses the answer. */
final class TmdbHttp {

    record Response(int status, String retryAfter, JsonNode body) {
    }

    private final MockMvcTester mvc;
    private final JsonMapper json;

    TmdbHttp(MockMvcTester mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    /** @param pathAndQuery relative to {@code /tmdb/3}; {@code api_key=test-key} is added */
    Response get(String pathAndQuery) {
        return raw(pathAndQuery + (pathAndQuery.contains("?") ? "&" : "?") + "api_key=test-key", null);
    }

    Response raw(String pathAndQuery, String bearer) {
        var request = mvc.get().uri(TmdbConfiguration.BASE + pathAndQuery);
        if (bearer != null) {
            request = request.header("Authorization", "Bearer " + bearer);
        }
        MockHttpServletResponse response = request.exchange().getResponse();
        try {
            String body = response.getContentAsString(StandardCharsets.UTF_8);
            return new Response(response.getStatus(), response.getHeader("Retry-After"), body.isEmpty() ? null : json.readTree(body));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode ok(String pathAndQuery) {
        Response response = get(pathAndQuery);
        if (response.status() != 200) {
            throw new AssertionError("GET " + pathAndQuery + " answered " + response.status() + ": " + response.body());
        }
        return response.body();
    }
}
