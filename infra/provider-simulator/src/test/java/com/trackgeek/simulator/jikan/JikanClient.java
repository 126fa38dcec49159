package com.trackgeek.simulator.jikan;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

/** GETs a path under the simulated Jikan's base URL and parses the answer. */
final class JikanClient {

    record Response(int status, String retryAfter, JsonNode body) {
    }

    private final MockMvcTester mvc;
    private final JsonMapper jsonMapper;

    JikanClient(MockMvcTester mvc, JsonMapper jsonMapper) {
        this.mvc = mvc;
        this.jsonMapper = jsonMapper;
    }

    /** @param path relative to {@code /jikan/v4}, query string included */
    Response get(String path) {
        MockHttpServletResponse response = mvc.get().uri(JikanPaths.BASE + path).exchange().getResponse();
        try {
            return new Response(response.getStatus(), response.getHeader("Retry-After"),
                    jsonMapper.readTree(response.getContentAsString(StandardCharsets.UTF_8)));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode getOk(String path) {
        Response response = get(path);
        if (response.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.status() + ": " + response.body());
        }
        return response.body();
    }
}
