package com.trackgeek.standalone;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
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

    @Test
    void oneSyncWorkerByDefault() {
        var settings = StandaloneSettings.fromEnvironment(Map.of());

        assertThat(settings.syncWorkerReplicas()).isEqualTo(1);
        assertThat(settings.syncWorkerPorts()).containsExactly(8081);
    }

    @Test
    void moreSyncWorkerReplicasTakeThePortsAfterTheFirstSkippingTheOtherServicesPorts() {
        var settings = StandaloneSettings.fromEnvironment(Map.of("TRACKGEEK_SYNC_WORKER_REPLICAS", "3"));

        assertThat(settings.syncWorkerPorts()).as("8082 is the embedding worker's").containsExactly(8081, 8083, 8084);
    }

    @Test
    void otherServicesOnFreePortsLeaveTheFollowingPortsToTheReplicas() {
        var settings = StandaloneSettings.fromEnvironment(Map.of("TRACKGEEK_SYNC_WORKER_REPLICAS", "2",
                "TRACKGEEK_SYNC_WORKER_PORT", "9000", "TRACKGEEK_API_PORT", "0", "TRACKGEEK_SIMULATOR_PORT", "0"));

        assertThat(settings.syncWorkerPorts()).containsExactly(9000, 9001);
    }

    @Test
    void replicasOnPortZeroEachGetAFreePort() {
        var settings = StandaloneSettings.fromEnvironment(Map.of("TRACKGEEK_SYNC_WORKER_REPLICAS", "2", "TRACKGEEK_SYNC_WORKER_PORT", "0"));

        assertThat(settings.syncWorkerPorts()).isEqualTo(List.of(0, 0));
    }

    @Test
    void aReplicaCountThatIsNotOneIsAClearError() {
        assertThatThrownBy(() -> StandaloneSettings.fromEnvironment(Map.of("TRACKGEEK_SYNC_WORKER_REPLICAS", "two")))
                .hasMessage("TRACKGEEK_SYNC_WORKER_REPLICAS must be a whole number, was 'two'");
        assertThatThrownBy(() -> StandaloneSettings.fromEnvironment(Map.of("TRACKGEEK_SYNC_WORKER_REPLICAS", "0")))
                .hasMessage("TRACKGEEK_SYNC_WORKER_REPLICAS must be between 1 and 8, was 0");
    }

    @Test
    void replicasThatWouldRunPastTheLastPortAreAClearError() {
        var settings = StandaloneSettings.fromEnvironment(Map.of("TRACKGEEK_SYNC_WORKER_REPLICAS", "2", "TRACKGEEK_SYNC_WORKER_PORT", "65535"));

        assertThatThrownBy(settings::syncWorkerPorts)
                .hasMessage("TRACKGEEK_SYNC_WORKER_REPLICAS=2 replicas from TRACKGEEK_SYNC_WORKER_PORT=65535 run past port 65535");
    }
}
