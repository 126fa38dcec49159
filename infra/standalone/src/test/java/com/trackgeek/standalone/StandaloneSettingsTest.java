package com.trackgeek.standalone;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StandaloneSettingsTest {

    @Test
    void defaultsSuitOneDeveloperMachineAndUseTheSimulator() {
        var settings = StandaloneSettings.fromEnvironment(Map.of());

        assertThat(settings.apiPort()).isEqualTo(8080);
        assertThat(settings.postgresPort()).isEqualTo(5433);
        assertThat(settings.dataDirectory()).isEqualTo(Path.of(".trackgeek"));
        assertThat(settings.usesSimulator()).isTrue();
    }

    @Test
    void aLiveProviderReplacesTheSimulatorForThatProviderOnly() {
        var settings = StandaloneSettings.fromEnvironment(Map.of("TRACKGEEK_PROVIDERS_JIKAN_BASE_URL", "https://api.jikan.moe/v4"));

        assertThat(settings.liveBaseUrl(StandaloneProvider.JIKAN)).contains("https://api.jikan.moe/v4");
        assertThat(settings.liveBaseUrl(StandaloneProvider.TMDB)).isEmpty();
        assertThat(settings.usesSimulator()).isTrue();
    }

    @Test
    void everyProviderLiveNeedsNoSimulator() {
        var settings = StandaloneSettings.fromEnvironment(Map.of(
                "TRACKGEEK_PROVIDERS_JIKAN_BASE_URL", "https://api.jikan.moe/v4",
                "TRACKGEEK_PROVIDERS_TMDB_BASE_URL", "https://api.themoviedb.org/3",
                "TRACKGEEK_PROVIDERS_IGDB_BASE_URL", "https://api.igdb.com/v4",
                "TRACKGEEK_PROVIDERS_HARDCOVER_BASE_URL", "https://api.hardcover.app/v1/graphql"));

        assertThat(settings.usesSimulator()).isFalse();
    }

    @Test
    void aSimulatedProviderGetsTheSimulatorsUrlAndDemoCredentials() {
        assertThat(StandaloneProvider.IGDB.simulatedSettings("http://localhost:8090")).containsEntry(
                        "trackgeek.providers.igdb.base-url", "http://localhost:8090/igdb/v4")
                .containsEntry("trackgeek.providers.igdb.token-url", "http://localhost:8090/twitch/oauth2/token")
                .containsKeys("trackgeek.providers.igdb.client-id", "trackgeek.providers.igdb.client-secret");
    }

    @Test
    void aPortThatIsNotOneIsAClearError() {
        assertThatThrownBy(() -> StandaloneSettings.fromEnvironment(Map.of("TRACKGEEK_API_PORT", "eighty")))
                .hasMessage("TRACKGEEK_API_PORT must be a port number (0-65535), was 'eighty'");
    }
}
