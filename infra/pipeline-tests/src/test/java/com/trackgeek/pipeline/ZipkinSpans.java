package com.trackgeek.pipeline;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A stand-in for a Zipkin server (JDK's HTTP server, no Docker): a service started with
 * {@code management.tracing.export.zipkin.enabled=true} and {@link #endpoint()} sends its finished spans here, in
 * Zipkin's JSON v2, and a test reads which spans joined a trace. It also shows that the optional exporter works.
 */
final class ZipkinSpans implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<JsonNode> spans = new ArrayList<>();

    private ZipkinSpans(HttpServer server) {
        this.server = server;
    }

    static ZipkinSpans start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            var receiver = new ZipkinSpans(server);
            server.createContext("/api/v2/spans", exchange -> {
                try (exchange) {
                    // Spring Boot's sender gzips bodies above a kilobyte, as Zipkin allows.
                    boolean gzipped = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
                    InputStream body = gzipped ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody();
                    JsonNode posted = JSON.readTree(body.readAllBytes());
                    synchronized (receiver.spans) {
                        posted.forEach(receiver.spans::add);
                    }
                    exchange.sendResponseHeaders(202, -1);
                }
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String endpoint() {
        return "http://localhost:" + server.getAddress().getPort() + "/api/v2/spans";
    }

    /** Every span received so far. */
    List<JsonNode> all() {
        synchronized (spans) {
            return List.copyOf(spans);
        }
    }

    /** The spans received so far that belong to {@code traceId} (32 hex digits). */
    List<JsonNode> of(String traceId) {
        synchronized (spans) {
            return spans.stream().filter(span -> traceId.equals(span.path("traceId").asString())).toList();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
