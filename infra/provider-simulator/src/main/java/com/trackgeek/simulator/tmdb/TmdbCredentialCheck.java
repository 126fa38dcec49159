package com.trackgeek.simulator.tmdb;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * TMDB's authentication, after the gate (so a refused request is logged and spends budget as at TMDB): a
 * v3 key in {@code api_key} or a v4 token in {@code Authorization: Bearer}; neither, or a wrong one, is
 * TMDB's recorded 401 "Invalid API key".
 */
final class TmdbCredentialCheck implements HandlerInterceptor {

    private static final String BEARER = "Bearer ";

    private final TmdbProperties properties;
    private final TmdbErrors errors;
    private final JsonMapper json;

    TmdbCredentialCheck(TmdbProperties properties, TmdbErrors errors, JsonMapper json) {
        this.properties = properties;
        this.errors = errors;
        this.json = json;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String token = authorization != null && authorization.startsWith(BEARER) ? authorization.substring(BEARER.length()).strip() : null;
        if (accepted(request.getParameter("api_key"), properties.apiKey()) || accepted(token, properties.bearerToken())) {
            return true;
        }
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), errors.invalidApiKey());
        return false;
    }

    private static boolean accepted(String given, String expected) {
        return given != null && !given.isBlank() && (expected.isEmpty() || expected.equals(given));
    }
}
