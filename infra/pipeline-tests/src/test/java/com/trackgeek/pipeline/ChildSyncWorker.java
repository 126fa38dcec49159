package com.trackgeek.pipeline;

import com.trackgeek.sync.SyncWorkerApplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A sync worker in a JVM of its own (this JVM's java and test classpath), configured like the pipeline's in-process
 * worker ({@link Pipeline#syncWorkerSettings}), so that {@link #killNine()} is a real {@code kill -9} of the worker
 * alone: no shutdown hook, no graceful stop, no transaction finished or offset committed after it, while Kafka,
 * PostgreSQL, the simulator and the other services in this JVM go on. An in-process worker can only be closed,
 * which finishes its work politely; a crash is what the guarantees are about.
 *
 * <p>Its console goes to {@code target/child-sync-workers/<name>.log}, kept for reading when a test fails.
 */
final class ChildSyncWorker implements AutoCloseable {

    /** What {@link Process#waitFor()} reports for a process ended by SIGKILL (128 + 9). */
    static final int KILLED_BY_SIGKILL = 137;

    private final Process process;
    private final Path log;
    private final int port;

    private ChildSyncWorker(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the worker with {@code settings} as its command-line arguments, on a free port of its own. */
    static ChildSyncWorker start(Map<String, Object> settings, String name) {
        try {
            Path log = Files.createDirectories(Path.of("target", "child-sync-workers")).resolve(name + ".log");
            int port = freePort();
            Map<String, Object> arguments = new LinkedHashMap<>(settings);
            arguments.put("server.port", port);
            // A killed worker's consumers stay members of the group until their session times out, and the next
            // worker gets their partitions only then: 10 s instead of Kafka's 45 s (as the standalone run does).
            arguments.putIfAbsent("spring.kafka.consumer.properties.session.timeout.ms", 10_000);
            String java = ProcessHandle.current().info().command().orElse("java");
            // Surefire's own class path property: java.class.path may be its manifest-only booter jar.
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx512m",
                    "-Dtrackgeek.child-sync-worker=" + name, "-cp", classpath, SyncWorkerApplication.class.getName()));
            arguments.forEach((property, value) -> command.add("--" + property + "=" + value));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new ChildSyncWorker(process, log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the worker answers its health check (its Kafka consumers are started by then). */
    ChildSyncWorker awaitHealthy(Duration atMost) {
        await("the sync worker in " + log + " answers its health check").atMost(atMost).pollInterval(Duration.ofMillis(500))
                .failFast("the sync worker's JVM exited; see " + log, () -> !process.isAlive())
                .ignoreExceptionsInstanceOf(UncheckedIOException.class) // not listening yet
                .until(() -> ApiCalls.getText(url() + "/actuator/health").status() == 200);
        return this;
    }

    String url() {
        return "http://localhost:" + port;
    }

    /** SIGKILL, then waits for the process to be gone; returns its exit status ({@link #KILLED_BY_SIGKILL}). */
    int killNine() {
        process.destroyForcibly();
        return exitStatus();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the worker wrote to its console so far. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path logFile() {
        return log;
    }

    /** SIGTERM, the way a deployment stops a replica (graceful shutdown); SIGKILL if it has not stopped in 60 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        exitStatus();
    }

    private int exitStatus() {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
