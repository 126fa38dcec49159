package com.trackgeek.faults;

import com.trackgeek.testsupport.ChildJvm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * One of the pipeline's services (a Spring Boot application) in a JVM of its own, on a port it keeps across
 * restarts, so that clients and load generators keep their URL: a replica a scenario can kill ({@code kill -9}) and
 * start again, as an orchestrator would.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Class<?> application;
    private final Map<String, Object> settings;
    private final int port;
    private ChildJvm jvm;

    private ServiceProcess(String name, Class<?> application, Map<String, Object> settings, int port) {
        this.name = name;
        this.application = application;
        this.settings = settings;
        this.port = port;
    }

    /** Starts {@code application} with {@code settings} as its command-line arguments, on a free port. */
    static ServiceProcess start(String name, Class<?> application, Map<String, Object> settings) {
        Map<String, Object> own = new LinkedHashMap<>(settings);
        int port = ChildJvm.freePort();
        own.put("server.port", port);
        ServiceProcess service = new ServiceProcess(name, application, Map.copyOf(own), port);
        service.launch();
        return service;
    }

    private void launch() {
        List<String> arguments = new ArrayList<>();
        settings.forEach((property, value) -> arguments.add("--" + property + "=" + value));
        jvm = ChildJvm.start(Path.of("target", "fault-suite", name + ".log"),
                List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx768m", "--add-modules=jdk.incubator.vector",
                        "-Dtrackgeek.fault-suite.service=" + name),
                application.getName(), arguments);
    }

    /** Waits until the service answers its health check (its listeners are started by then). */
    ServiceProcess awaitHealthy(Duration atMost) {
        await(name + " answers its health check (see " + jvm.logFile() + ")").atMost(atMost).pollInterval(Duration.ofMillis(500))
                .failFast(name + "'s JVM exited; see " + jvm.logFile(), () -> !jvm.isAlive())
                .until(this::healthy);
        return this;
    }

    boolean healthy() {
        try {
            var response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (Exception notListening) {
            return false;
        }
    }

    /** SIGKILL: no shutdown hook, nothing finished or committed after it. */
    int killNine() {
        return jvm.killNine();
    }

    /** The same service again, same port and settings, its console appended to the same file. */
    ServiceProcess restart() {
        if (jvm.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch();
        return this;
    }

    boolean isAlive() {
        return jvm.isAlive();
    }

    String url() {
        return "http://localhost:" + port;
    }

    String name() {
        return name;
    }

    Path logFile() {
        return jvm.logFile();
    }

    @Override
    public void close() {
        jvm.close();
    }
}
