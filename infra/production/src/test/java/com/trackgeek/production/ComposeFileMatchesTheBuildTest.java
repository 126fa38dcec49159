package com.trackgeek.production;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Compose file runs what this repository builds: every image of ours it names is one the Jib configuration
 * makes (and each image made is run), and every file it mounts exists in the repository. A service renamed, an
 * image module added, or a provisioning file moved fails here instead of at `docker compose up`.
 */
class ComposeFileMatchesTheBuildTest {

    private static final String OUR_IMAGES = "trackgeek/";

    @Test
    void theImagesOfOursThatComposeRunsAreExactlyTheOnesJibBuilds() throws IOException {
        Set<String> ours = new TreeSet<>();
        services().forEach((name, service) -> {
            String image = String.valueOf(service.get("image"));
            String withoutTag = image.split(":", 2)[0];
            if (withoutTag.startsWith(OUR_IMAGES)) {
                ours.add(withoutTag);
            }
        });

        assertThat(Repository.imagesTheBuildMakes().keySet())
                .containsExactlyInAnyOrder("trackgeek/api", "trackgeek/sync-worker", "trackgeek/embedding-worker",
                        "trackgeek/provider-simulator");
        assertThat(ours).isEqualTo(Repository.imagesTheBuildMakes().keySet());
    }

    @Test
    void everyFileComposeMountsExistsInTheRepository() throws IOException {
        Path composeDir = Repository.COMPOSE_FILE.getParent();
        List<String> missing = services().values().stream()
                .flatMap(service -> volumes(service).stream())
                .map(volume -> volume.split(":")[0])
                .filter(source -> source.startsWith(".") || source.startsWith("/"))
                .filter(source -> !Files.exists(composeDir.resolve(source).normalize()))
                .toList();

        assertThat(missing).as("mounted by compose.yaml but not in the repository").isEmpty();
    }

    @Test
    void everyNamedVolumeIsDeclared() throws IOException {
        Set<String> declared = compose().get("volumes") instanceof Map<?, ?> volumes
                ? new TreeSet<>(volumes.keySet().stream().map(String::valueOf).toList()) : Set.of();
        List<String> undeclared = services().values().stream()
                .flatMap(service -> volumes(service).stream())
                .map(volume -> volume.split(":")[0])
                .filter(source -> !source.startsWith(".") && !source.startsWith("/"))
                .filter(source -> !declared.contains(source))
                .toList();

        assertThat(undeclared).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        return (Map<String, Map<String, Object>>) compose().get("services");
    }

    private static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(Repository.COMPOSE_FILE));
    }

    @SuppressWarnings("unchecked")
    private static List<String> volumes(Map<String, Object> service) {
        return ((List<Object>) service.getOrDefault("volumes", List.of())).stream().map(String::valueOf).toList();
    }
}
