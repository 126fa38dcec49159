package com.trackgeek.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the README's run command starts (the same launcher, on free ports): a fixture anime answers 200
 * well within two minutes of start, and after a restart on the same data folder it is still there.
 */
class StandaloneLauncherTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void answersAFixtureAnimeWithinTwoMinutesAndKeepsItAcrossARestart(@TempDir Path data) throws Exception {
        var settings = new StandaloneSettings(data, Path.of(System.getProperty("trackgeek.fixtures", "../../../shared/fixtures")),
                0, 0, 0, 0, 0, 0, null);
        long started = System.nanoTime();
        try (var launcher = new StandaloneLauncher(settings)) {
            launcher.start();

            var answer = get(launcher.apiPort(), "/api/v1/anime/5114?wait=PT60S");

            Duration sinceStart = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("standalone: started and answered 200 for anime 5114 in %.1f s%n", sinceStart.toMillis() / 1000.0);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("Fullmetal Alchemist: Brotherhood");
            assertThat(sinceStart).isLessThan(Duration.ofMinutes(2));
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
