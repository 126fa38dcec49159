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
    void aLiveJikanReplacesTheSimulator() {
        var settings = StandaloneSettings.fromEnvironment(Map.of("TRACKGEEK_PROVIDERS_JIKAN_BASE_URL", "https://api.jikan.moe/v4"));

        assertThat(settings.usesSimulator()).isFalse();
    }

    @Test
    void aPortThatIsNotOneIsAClearError() {
        assertThatThrownBy(() -> StandaloneSettings.fromEnvironment(Map.of("TRACKGEEK_API_PORT", "eighty")))
                .hasMessage("TRACKGEEK_API_PORT must be a port number (0-65535), was 'eighty'");
    }
}
