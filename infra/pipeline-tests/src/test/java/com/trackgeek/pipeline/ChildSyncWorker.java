package com.trackgeek.pipeline;

import com.trackgeek.sync.SyncWorkerApplication;
import com.trackgeek.testsupport.ChildJvm;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * A sync worker in a JVM of its own ({@link ChildJvm}), configured like the pipeline's in-process worker
 * ({@link Pipeline#syncWorkerSettings}), for settings a JVM takes only at its start (its log format), while Kafka,
 * PostgreSQL, the simulator and the other services in this JVM go on. (Kills of whole services under load are the
 * fault suite's, {@code infra/fault-suite}.)
 *
 * <p>Its console goes to {@code target/child-sync-workers/<name>.log}, kept for reading when a test fails.
 */
final class ChildSyncWorker implements AutoCloseable {

    private final ChildJvm jvm;
    private final int port;

    private ChildSyncWorker(ChildJvm jvm, int port) {
        this.jvm = jvm;
        this.port = port;
    }

    /** Starts the worker with {@code settings} as its command-line arguments, on a free port of its own. */
    static ChildSyncWorker start(Map<String, Object> settings, String name) {
        int port = ChildJvm.freePort();
        Map<String, Object> arguments = new LinkedHashMap<>(settings);
        arguments.put("server.port", port);
        // A killed worker's consumers stay members of the group until their session times out, and the next
        // worker gets their partitions only then: 10 s instead of Kafka's 45 s (as the standalone run does).
        arguments.putIfAbsent("spring.kafka.consumer.properties.session.timeout.ms", 10_000);
        List<String> commandLine = new ArrayList<>();
        arguments.forEach((property, value) -> commandLine.add("--" + property + "=" + value));
        ChildJvm jvm = ChildJvm.start(Path.of("target", "child-sync-workers", name + ".log"),
                List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx512m", "-Dtrackgeek.child-sync-worker=" + name),
                SyncWorkerApplication.class.getName(), commandLine);
        return new ChildSyncWorker(jvm, port);
    }

    /** Waits until the worker answers its health check (its Kafka consumers are started by then). */
    ChildSyncWorker awaitHealthy(Duration atMost) {
        await("the sync worker in " + jvm.logFile() + " answers its health check").atMost(atMost).pollInterval(Duration.ofMillis(500))
                .failFast("the sync worker's JVM exited; see " + jvm.logFile(), () -> !jvm.isAlive())
                .ignoreExceptionsInstanceOf(UncheckedIOException.class) // not listening yet
                .until(() -> ApiCalls.getText(url() + "/actuator/health").status() == 200);
        return this;
    }

    String url() {
        return "http://localhost:" + port;
    }

    /** Everything the worker wrote to its console so far. */
    String log() {
        return jvm.log();
    }

    Path logFile() {
        return jvm.logFile();
    }

    /** SIGTERM, the way a deployment stops a replica (graceful shutdown); SIGKILL if it has not stopped in 60 s. */
    @Override
    public void close() {
        jvm.close();
    }
}
