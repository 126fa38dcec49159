package com.trackgeek.pipeline;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Plain HTTP calls to an API instance, as an API consumer makes them. */
final class ApiCalls {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiCalls() {
    }

    static Answer get(String baseUrl, String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(Duration.ofSeconds(90)).GET().build());
    }

    /** A GET with one extra request header, e.g. a caller's W3C {@code traceparent}. */
    static Answer get(String baseUrl, String pathAndQuery, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(Duration.ofSeconds(90))
                .header(header, value).GET().build());
    }

    /** A POST without a body, with an API key in {@code X-API-Key}. */
    static Answer post(String baseUrl, String path, String apiKey) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("X-API-Key", apiKey).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static Answer send(HttpRequest request) {
        try {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The status and raw text of any GET (an actuator page, Prometheus' text format). */
    static Text getText(String url) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
        try {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Text(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Text(int status, String body) {
    }

    /** Sends every request at the same moment, one thread each, as many independent consumers would. */
    static List<Answer> getConcurrently(List<String> urls) {
        List<Callable<Answer>> calls = urls.stream()
                .<Callable<Answer>>map(url -> () -> get(url, ""))
                .toList();
        try (var pool = Executors.newFixedThreadPool(calls.size())) {
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    record Answer(int status, String location, JsonNode body) {

        String code() {
            return body.path("code").asString();
        }
    }
}
