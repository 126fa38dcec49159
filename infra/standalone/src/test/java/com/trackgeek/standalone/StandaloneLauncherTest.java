package com.trackgeek.standalone;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the README's run command starts (the same launcher, on free ports): a fixture anime answers 200
 * well within two minutes of start, so does a fixture item of every other media type, and after a restart
 * on the same data folder the anime is still there. With {@code TRACKGEEK_SYNC_WORKER_REPLICAS=2} two sync workers
 * run side by side as replicas do: each on its own port, both in one Kafka consumer group, both on one database.
 */
class StandaloneLauncherTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void answersAFixtureAnimeWithinTwoMinutesAndKeepsItAcrossARestart(@TempDir Path data) throws Exception {
        var settings = new StandaloneSettings(data, Path.of(System.getProperty("trackgeek.fixtures", "../../../shared/fixtures")),
                0, 0, 1, 0, 0, 0, 0, Map.of());
        long started = System.nanoTime();
        try (var launcher = new StandaloneLauncher(settings)) {
            launcher.start();

            var answer = get(launcher.apiPort(), "/api/v1/anime/5114?wait=PT60S");

            Duration sinceStart = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("standalone: started and answered 200 for anime 5114 in %.1f s%n", sinceStart.toMillis() / 1000.0);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("Fullmetal Alchemist: Brotherhood");
            assertThat(sinceStart).isLessThan(Duration.ofMinutes(2));

            // Every media type, each from its simulated provider with the launcher's demonstration credentials.
            for (var item : Map.of("/api/v1/manga/25", "Fullmetal Alchemist", "/api/v1/movie/671", "Philosopher's Stone",
                    "/api/v1/tv/4607", "\"name\":\"Lost\"", "/api/v1/game/19560", "God of War",
                    "/api/v1/book/328491", "Sorcerer's Stone").entrySet()) {
                var typed = get(launcher.apiPort(), item.getKey() + "?wait=PT60S");
                assertThat(typed.statusCode()).as(item.getKey() + " " + typed.body()).isEqualTo(200);
                assertThat(typed.body()).as(item.getKey()).contains(item.getValue());
            }

            // A bulk sync with the demo key the banner shows; refused without it.
            String season = "{\"selector\":{\"kind\":\"IDS\",\"type\":\"ANIME\",\"ids\":[5114,457]}}";
            assertThat(post(launcher.apiPort(), "/api/v1/bulk-syncs", season, null).statusCode()).isEqualTo(401);
            var bulk = post(launcher.apiPort(), "/api/v1/bulk-syncs", season, DemoApiKey.KEY);
            assertThat(bulk.statusCode()).as(bulk.body()).isEqualTo(202);
            String job = bulk.headers().firstValue("Location").orElseThrow();
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
                    .until(() -> get(launcher.apiPort(), job).body().contains("\"status\":\"done\""));
            assertThat(get(launcher.apiPort(), job).body()).contains("\"requestedBy\":\"" + DemoApiKey.NAME + "\"");
        }

        try (var launcher = new StandaloneLauncher(settings)) {
            launcher.start();

            var answer = get(launcher.apiPort(), "/api/v1/anime/5114?wait=PT0S");

            assertThat(answer.statusCode()).as("served from the kept database, no fetch needed").isEqualTo(200);
        }
    }

    @Test
    void twoSyncWorkerReplicasRunOnTheirOwnPortsInOneConsumerGroupOnOneDatabase(@TempDir Path data) throws Exception {
        var settings = new StandaloneSettings(data, Path.of(System.getProperty("trackgeek.fixtures", "../../../shared/fixtures")),
                0, 0, 2, 0, 0, 0, 0, Map.of());
        try (var launcher = new StandaloneLauncher(settings)) {
            launcher.start();

            List<ConfigurableApplicationContext> replicas = launcher.syncWorkers();
            assertThat(replicas).hasSize(2);
            assertThat(replicas.stream().map(StandaloneLauncherTest::port).distinct()).as("a port each").hasSize(2);
            for (var replica : replicas) {
                assertThat(get(port(replica), "/actuator/health").statusCode()).isEqualTo(200);
            }
            assertThat(replicas).as("one database: one provider budget (provider_budget) for both")
                    .extracting(replica -> replica.getEnvironment().getProperty("spring.datasource.url"))
                    .containsOnly(replicas.getFirst().getEnvironment().getProperty("spring.datasource.url"));

            Set<String> first = consumers(replicas.get(0));
            Set<String> second = consumers(replicas.get(1));
            assertThat(first).isNotEmpty();
            assertThat(second).isNotEmpty();
            String kafka = replicas.getFirst().getEnvironment().getRequiredProperty("spring.kafka.bootstrap-servers");
            try (var admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                        assertThat(groupMembers(admin)).as("the sync-worker group's members").containsAll(first).containsAll(second));
            }

            var movie = get(launcher.apiPort(), "/api/v1/movie/671?wait=PT60S");
            assertThat(movie.statusCode()).as(movie.body()).isEqualTo(200);
        }
    }

    /** The client ids of a replica's consumers in the sync workers' group. */
    private static Set<String> consumers(ConfigurableApplicationContext replica) {
        return replica.getBean(KafkaListenerEndpointRegistry.class).getListenerContainers().stream()
                .filter(container -> "sync-worker".equals(container.getGroupId()))
                .flatMap(container -> container.metrics().keySet().stream())
                .collect(Collectors.toSet());
    }

    private static Set<String> groupMembers(Admin admin) throws Exception {
        return admin.describeConsumerGroups(List.of("sync-worker")).all().get().get("sync-worker").members().stream()
                .map(MemberDescription::clientId)
                .collect(Collectors.toSet());
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(90)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(int port, String path, String json, String apiKey) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
