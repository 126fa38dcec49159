package com.trackgeek.production;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the Compose shape, the actuator of every service is reachable only from inside the deployment's network:
 * Compose runs each service with the production profile, whose actuator answers on a management port of its own;
 * Compose publishes none of those ports, and Prometheus scrapes exactly them. A management port changed in the
 * profile but not in the Prometheus configuration (metrics gone), or published by Compose (actuator public),
 * fails here. That the profile keeps the actuator off the public port is proven by a running service
 * ({@code ProductionActuatorIsNotPublicTest} in pipeline-tests).
 */
class ActuatorStaysInsideTest {

    @ParameterizedTest
    @ValueSource(strings = {"api", "sync-worker", "embedding-worker"})
    void composeRunsTheServiceWithTheProductionProfileAndPublishesNotItsManagementPort(String service) throws IOException {
        Map<String, Object> compose = yaml(Repository.COMPOSE_FILE);
        Map<String, Object> definition = map(map(compose, "services"), service);
        int managementPort = managementPort(service);

        assertThat(map(definition, "environment")).containsEntry("SPRING_PROFILES_ACTIVE", "production");
        List<String> published = strings(definition.get("ports"));
        assertThat(published).as("ports published for %s", service)
                .noneMatch(port -> port.endsWith(":" + managementPort) || port.equals(String.valueOf(managementPort)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "sync-worker", "embedding-worker"})
    void prometheusScrapesTheManagementPortOfTheProductionProfile(String service) throws IOException {
        Map<String, Object> prometheus = yaml(Repository.ROOT.resolve("infra/observability/prometheus/prometheus-compose.yml"));
        Map<String, Object> job = list(prometheus.get("scrape_configs")).stream()
                .filter(candidate -> service.equals(candidate.get("job_name")))
                .findFirst().orElseThrow(() -> new AssertionError("no scrape job " + service));

        assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
        Map<String, Object> discovery = list(job.get("dns_sd_configs")).getFirst();
        assertThat(strings(discovery.get("names"))).containsExactly(service);
        assertThat(discovery.get("port")).isEqualTo(managementPort(service));
    }

    /** {@code management.server.port} of the service's production profile ({@code <service>-production.yml}). */
    private static int managementPort(String service) throws IOException {
        Path profile = Repository.ROOT.resolve(service + "/src/main/resources/" + service + "-production.yml");
        Object port = map(map(yaml(profile), "management"), "server").get("port");
        assertThat(port).as("management.server.port in %s", profile).isInstanceOf(Integer.class);
        return (Integer) port;
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        return new Yaml().load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object child = parent.get(key);
        assertThat(child).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) child;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
