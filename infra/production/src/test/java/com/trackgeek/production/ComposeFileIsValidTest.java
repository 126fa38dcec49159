package com.trackgeek.production;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * infra/production/compose.yaml is a valid Compose file, checked by Compose itself (`config`, which needs no Docker
 * engine), and its replica counts come from the environment. Skipped, saying why, where no Compose command exists
 * or can be installed.
 */
class ComposeFileIsValidTest {

    private static ComposeTool compose;

    @BeforeAll
    static void findCompose() {
        var found = ComposeTool.find();
        assumeTrue(found.isPresent(), ComposeTool::unavailableReason);
        compose = found.get();
    }

    @Test
    void composeAcceptsTheFile() {
        var result = compose.config(Repository.COMPOSE_FILE, Map.of(), "--quiet");

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void eachServiceRunsAsManyReplicasAsTheEnvironmentAsks() {
        var result = compose.config(Repository.COMPOSE_FILE,
                Map.of("API_REPLICAS", "2", "SYNC_WORKER_REPLICAS", "3", "EMBEDDING_WORKER_REPLICAS", "4"));

        assertThat(result.exitCode()).as(result.output()).isZero();
        Map<String, Object> services = services(result.output());
        assertThat(replicas(services, "api")).isEqualTo("2");
        assertThat(replicas(services, "sync-worker")).isEqualTo("3");
        assertThat(replicas(services, "embedding-worker")).isEqualTo("4");
    }

    @Test
    void aFileComposeCannotRunIsRefused(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("compose.yaml");
        Files.writeString(broken, Files.readString(Repository.COMPOSE_FILE)
                .replaceFirst("(?m)^    deploy:$", "    replicaz: 2\n    deploy:"));

        var result = compose.config(broken, Map.of(), "--quiet");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("replicaz");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services(String composeConfig) {
        Map<String, Object> document = new Yaml().load(composeConfig);
        return (Map<String, Object>) document.get("services");
    }

    @SuppressWarnings("unchecked")
    private static String replicas(Map<String, Object> services, String service) {
        var deploy = (Map<String, Object>) ((Map<String, Object>) services.get(service)).get("deploy");
        return String.valueOf(deploy.get("replicas"));
    }
}
