package com.trackgeek.api.problem;

import com.trackgeek.contracts.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a problem detail straight to a servlet response, for the answers given before Spring MVC runs (a
 * filter, the security filter chain, Tomcat's error valve), in the shape {@link ProblemHandler} gives everywhere
 * else.
 */
public final class ProblemWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemWriter() {
    }

    /** With the usual status of the code, see {@link ProblemStatus}. */
    public static void write(HttpServletResponse response, ErrorCode code, String detail, String path)
            throws IOException {
        write(response, ProblemStatus.of(code), code, detail, path);
    }

    static void write(HttpServletResponse response, HttpStatus status, ErrorCode code, String detail, String path)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("detail", detail);
        CallerText.instance(path).ifPresent(instance -> problem.put("instance", instance.toString()));
        problem.put("status", status.value());
        problem.put("title", status.getReasonPhrase());
        problem.put(Problems.CODE, code.name());
        byte[] body = JSON.writeValueAsBytes(problem);
        response.setStatus(status.value());
        response.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
