package com.trackgeek.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the README's run command starts (the same launcher, on free ports): a fixture anime answers 200
 * well within two minutes of start, so does a fixture item of every other media type, and after a restart
 * on the same data folder the anime is still there.
 */
class StandaloneLauncherTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void answersAFixtureAnimeWithinTwoMinutesAndKeepsItAcrossARestart(@TempDir Path data) throws Exception {
        var settings = new StandaloneSettings(data, Path.of(System.getProperty("trackgeek.fixtures", "../../../shared/fixtures")),
                0, 0, 0, 0, 0, 0, Map.of());
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
        }

        try (var launcher = new StandaloneLauncher(settings)) {
            launcher.start();

            var answer = get(launcher.apiPort(), "/api/v1/anime/5114?wait=PT0S");

            assertThat(answer.statusCode()).as("served from the kept database, no fetch needed").isEqualTo(200);
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(90)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
