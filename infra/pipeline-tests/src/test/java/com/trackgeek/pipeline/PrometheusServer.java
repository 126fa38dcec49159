package com.trackgeek.pipeline;

import com.trackgeek.testsupport.DebianPackage;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus server (Debian's package, installed on first use when this runs as root), scraping the services
 * of a test every second and evaluating the project's alert rules every second: what an operator's Prometheus does,
 * only faster. Queried through its HTTP API, as Grafana does.
 */
final class PrometheusServer implements AutoCloseable {

    static final String BINARY = "/usr/bin/prometheus";
    static final String PROMTOOL = "/usr/bin/promtool";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final String url;
    private final Path log;

    private PrometheusServer(Process process, String url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /**
     * Starts Prometheus scraping {@code targets} (job name to {@code host:port}, at /actuator/prometheus) with the
     * rules of {@code rules}; installs Debian's {@code prometheus} package first if it is missing (see
     * {@link DebianPackage}), and skips the calling test with the reason when that is impossible here.
     */
    static PrometheusServer start(Map<String, String> targets, Path rules) throws IOException {
        DebianPackage.ensure("prometheus", BINARY, PROMTOOL).ifPresent(Assumptions::abort);
        Path home = Files.createTempDirectory("prometheus-test");
        StringBuilder config = new StringBuilder("""
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                """.formatted(rules.toAbsolutePath()));
        targets.forEach((job, target) -> config.append("""
                  - job_name: %s
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ['%s']
                """.formatted(job, target)));
        Path configFile = Files.writeString(home.resolve("prometheus.yml"), config);
        int port = freePort();
        Path log = home.resolve("prometheus.log");
        Process process = new ProcessBuilder(BINARY, "--config.file=" + configFile,
                "--storage.tsdb.path=" + home.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        var server = new PrometheusServer(process, "http://127.0.0.1:" + port, log);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(server::ready);
        return server;
    }

    /** The series an instant query returns now (an error of the query fails with Prometheus' own message). */
    List<JsonNode> query(String expression) {
        JsonNode answer = get("/api/v1/query?query=" + URLEncoder.encode(expression, StandardCharsets.UTF_8));
        if (!"success".equals(answer.path("status").asString())) {
            throw new IllegalArgumentException("Prometheus refused " + expression + ": " + answer.path("error").asString());
        }
        List<JsonNode> series = new ArrayList<>();
        answer.path("data").path("result").forEach(series::add);
        return series;
    }

    /** Every alert pending or firing now. */
    List<JsonNode> alerts() {
        List<JsonNode> alerts = new ArrayList<>();
        get("/api/v1/alerts").path("data").path("alerts").forEach(alerts::add);
        return alerts;
    }

    /** Every scrape target with its health ("up", "down") and last error. */
    List<JsonNode> targets() {
        List<JsonNode> targets = new ArrayList<>();
        get("/api/v1/targets").path("data").path("activeTargets").forEach(targets::add);
        return targets;
    }

    /** Runs {@code promtool check rules} on {@code rules}; its output, or a failure with it. */
    static String checkRules(Path rules) throws IOException, InterruptedException {
        Process check = new ProcessBuilder(PROMTOOL, "check", "rules", rules.toString()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!check.waitFor(60, TimeUnit.SECONDS) || check.exitValue() != 0) {
            throw new AssertionError("promtool check rules failed:\n" + output);
        }
        return output;
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException("Prometheus stopped: " + tail());
        }
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/-/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonNode get(String pathAndQuery) {
        try {
            var response = HTTP.send(HttpRequest.newBuilder(URI.create(url + pathAndQuery)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
