package com.trackgeek.standalone;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The standalone run killed with {@code kill -9} while accepted fetches are in flight, then started again on
 * the same data folder, as a person would: every accepted fetch ends stored, each exactly once. Runs the
 * launcher as a process of its own (the README's run command, minus the build), so the kill is real.
 */
class StandaloneCrashRecoveryTest {

    private static final List<Long> IDS = LongStream.rangeClosed(200_001, 200_040).boxed().toList();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyFetchAcceptedBeforeAKillNineIsStoredOnceAfterTheRestart() throws Exception {
        // Under target/, not a temporary folder: both runs' logs stay there to read when this fails.
        Path data = Files.createDirectories(Path.of("target", "crash-recovery", Long.toString(System.currentTimeMillis())));
        Map<String, String> environment = environment(data);
        String api = "http://localhost:" + environment.get("TRACKGEEK_API_PORT");

        Process first = launch(environment, data.resolve("first-run.log"));
        try {
            awaitHealthy(api, first, data.resolve("first-run.log"));
            for (long id : IDS) {
                var answer = get(api + "/api/v1/anime/" + id + "?wait=PT0S");
                assertThat(answer.statusCode()).as("anime %d accepted", id).isIn(200, 202);
            }
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> stored(environment) >= 3);
        } finally {
            first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no graceful anything
        }
        int storedAtTheKill = stored(environment);
        System.out.printf("standalone killed with %d of %d accepted fetches stored%n", storedAtTheKill, IDS.size());
        assertThat(storedAtTheKill).as("killed in the middle of the work").isLessThan(IDS.size());

        long restarted = System.nanoTime();
        Process second = launch(environment, data.resolve("second-run.log"));
        try {
            awaitHealthy(api, second, data.resolve("second-run.log"));
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> stored(environment) == IDS.size() && unfinished(environment) == 0);
            System.out.printf("all %d stored %.1f s after the restart%n", IDS.size(), (System.nanoTime() - restarted) / 1e9);
            assertThat(query(environment, "select count(*) from sync_request where media_type = 'ANIME' and provider_id = any(?) and status = 'done'"))
                    .as("one finished request per item, none failed, none twice").isEqualTo(IDS.size());
            assertThat(query(environment, "select count(*) from media_item where media_type = 'ANIME' and provider_id = any(?)"))
                    .isEqualTo(IDS.size());
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private static Map<String, String> environment(Path data) throws IOException {
        Map<String, String> environment = new HashMap<>();
        environment.put("TRACKGEEK_DATA_DIR", data.toString());
        environment.put("TRACKGEEK_FIXTURES", System.getProperty("trackgeek.fixtures", "../../../shared/fixtures"));
        environment.put("TRACKGEEK_API_PORT", Integer.toString(freePort()));
        environment.put("TRACKGEEK_POSTGRES_PORT", Integer.toString(freePort()));
        environment.put("TRACKGEEK_KAFKA_PORT", Integer.toString(freePort()));
        environment.put("TRACKGEEK_SYNC_WORKER_PORT", "0");
        environment.put("TRACKGEEK_EMBEDDING_WORKER_PORT", "0");
        environment.put("TRACKGEEK_SIMULATOR_PORT", "0");
        // Jikan's limits scaled on both sides (10/s and 600/min instead of 3/s and 60/min): 40 anime (160 calls)
        // take seconds, not minutes; what is tested is the restart, not the rate.
        environment.put("SIMULATOR_JIKAN_RATE_LIMIT_PER_SECOND", "10");
        environment.put("SIMULATOR_JIKAN_RATE_LIMIT_PER_MINUTE", "600");
        // One address asks for 40 anime at once, past the default quota of an address without a key (30 a minute).
        environment.put("TRACKGEEK_API_QUOTA_ANONYMOUS", "1000");
        environment.put("TRACKGEEK_PROVIDERS_JIKAN_LIMITS_0_REQUESTS", "10");
        environment.put("TRACKGEEK_PROVIDERS_JIKAN_LIMITS_0_PER", "1s");
        environment.put("TRACKGEEK_PROVIDERS_JIKAN_LIMITS_1_REQUESTS", "600");
        environment.put("TRACKGEEK_PROVIDERS_JIKAN_LIMITS_1_PER", "1m");
        environment.put("TRACKGEEK_PROVIDERS_JIKAN_LIMITS_1_BURST", "6");
        return environment;
    }

    private static Process launch(Map<String, String> environment, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", classpath, StandaloneLauncher.class.getName()));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    private void awaitHealthy(String api, Process process, Path log) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).failFast("the launcher exited; see " + log,
                () -> !process.isAlive()).until(() -> {
            try {
                return get(api + "/actuator/health").statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static int stored(Map<String, String> environment) throws SQLException {
        return query(environment, "select count(*) from media_item where media_type = 'ANIME' and provider_id = any(?)");
    }

    private static int unfinished(Map<String, String> environment) throws SQLException {
        return query(environment, "select count(*) from sync_request where media_type = 'ANIME' and provider_id = any(?) and status in ('queued', 'running')");
    }

    private static int query(Map<String, String> environment, String sql) throws SQLException {
        String url = "jdbc:postgresql://localhost:" + environment.get("TRACKGEEK_POSTGRES_PORT") + "/trackgeek";
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             var statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("bigint", IDS.toArray()));
            var result = statement.executeQuery();
            result.next();
            return result.getInt(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0; // not migrated yet
            }
            throw e;
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
