package com.trackgeek.pipeline;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service started as production starts it (the {@code production} profile, which the Compose file sets) shows a
 * public client nothing of its actuator beyond the health probes: no metrics, no configuration, no memory. The
 * actuator answers on the management port only, where Prometheus scrapes it (Compose does not publish that port;
 * {@code ActuatorStaysInsideTest} in infra/production checks the Compose and Prometheus files). The management
 * port is the profile's own number in production; here it is a free one, so the test can run beside anything.
 */
class ProductionActuatorIsNotPublicTest {

    /** The production profile, and a free port in place of its fixed management port. */
    private static final Map<String, Object> PRODUCTION = Map.of(
            "spring.profiles.active", "production",
            "management.server.port", 0);

    /** What a public client might try; each would show configuration, metrics or memory if it answered. */
    private static final List<String> ACTUATOR_PAGES = List.of("/actuator", "/actuator/env", "/actuator/configprops",
            "/actuator/prometheus", "/actuator/metrics", "/actuator/heapdump", "/actuator/threaddump",
            "/actuator/loggers", "/actuator/beans", "/actuator/mappings", "/actuator/info", "/actuator/health");

    private final Pipeline pipeline = Pipeline.get();

    @Test
    void theApisPublicPortAnswersTheHealthProbesAndNoActuatorPage() {
        try (ConfigurableApplicationContext api = pipeline.startApi(PRODUCTION)) {
            assertActuatorOnlyOnTheManagementPort(api, "trackgeek_api_");
        }
    }

    @Test
    void theSyncWorkersPublicPortAnswersTheHealthProbesAndNoActuatorPage() {
        try (ConfigurableApplicationContext worker = pipeline.startAnotherSyncWorker(PRODUCTION)) {
            assertActuatorOnlyOnTheManagementPort(worker, "trackgeek_provider_");
        }
    }

    @Test
    void theEmbeddingWorkersPublicPortAnswersTheHealthProbesAndNoActuatorPage() {
        try (ConfigurableApplicationContext worker = pipeline.startEmbeddingWorker(PRODUCTION)) {
            assertActuatorOnlyOnTheManagementPort(worker, "trackgeek_embedding_");
        }
    }

    private static void assertActuatorOnlyOnTheManagementPort(ConfigurableApplicationContext service, String ownMetric) {
        String publicUrl = Pipeline.urlOf(service);
        String managementPort = service.getEnvironment().getProperty("local.management.port");
        assertThat(managementPort).as("the actuator has a port of its own").isNotNull().isNotEqualTo(publicUrl.replaceAll(".*:", ""));
        String managementUrl = "http://localhost:" + managementPort;

        for (String probe : List.of("/livez", "/readyz")) {
            var answer = ApiCalls.getText(publicUrl + probe);
            assertThat(answer.status()).as("public %s", probe).isEqualTo(200);
            assertThat(answer.body()).as("public %s", probe).contains("UP").doesNotContain("components");
        }
        for (String page : ACTUATOR_PAGES) {
            var answer = ApiCalls.getText(publicUrl + page);
            assertThat(answer.status()).as("public %s: %s", page, answer.body()).isBetween(400, 499);
            assertThat(answer.body()).as("public %s", page)
                    .doesNotContain("# HELP").doesNotContain("propertySources").doesNotContain("\"contexts\"")
                    .doesNotContain("\"_links\"").doesNotContain("\"names\"");
        }

        var scrape = ApiCalls.getText(managementUrl + "/actuator/prometheus");
        assertThat(scrape.status()).as("Prometheus scrapes the management port").isEqualTo(200);
        assertThat(scrape.body()).contains("# HELP").contains(ownMetric);
        assertThat(ApiCalls.getText(managementUrl + "/actuator/health").status()).isEqualTo(200);
        for (String hidden : List.of("/actuator/env", "/actuator/configprops", "/actuator/heapdump", "/actuator/metrics",
                "/actuator/loggers", "/actuator/beans")) {
            // 404, or the api's 401: its key check covers the management port too, and runs before routing.
            assertThat(ApiCalls.getText(managementUrl + hidden).status()).as("management %s", hidden).isIn(401, 404);
        }
    }
}
