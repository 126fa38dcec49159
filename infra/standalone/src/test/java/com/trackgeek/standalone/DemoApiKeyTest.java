package com.trackgeek.standalone;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DemoApiKeyTest {

    @Test
    void aRunWithoutKeysOfItsOwnGetsTheDemoKeyHashedNeverInTheClear() {
        var settings = DemoApiKey.settings(Map.of("TRACKGEEK_API_PORT", "8080")).orElseThrow();

        assertThat(settings).containsEntry("trackgeek.api.security.keys[0].name", "standalone-demo")
                // printf %s standalone-demo-key | sha256sum
                .containsEntry("trackgeek.api.security.keys[0].hash",
                        "{sha256}56989f6d81368eda2e1061937db689157dbcdff7578eed58409584a3ac29d65a")
                .containsEntry("trackgeek.api.security.keys[0].scopes", "bulk-syncs:write,items:refresh,similar:write");
        assertThat(settings.values()).noneMatch(value -> value.toString().contains(DemoApiKey.KEY));
    }

    @Test
    void keysConfiguredInTheEnvironmentReplaceTheDemoKey() {
        assertThat(DemoApiKey.settings(Map.of("TRACKGEEK_API_SECURITY_KEYS_0_HASH", "{sha256}abc"))).isEmpty();
    }
}
