package com.trackgeek.pipeline;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator reads without running anything: every panel of the "Queue health" dashboard says what it shows
 * and in which unit, and every alert rule has a line in the README saying what to do when it fires.
 */
class QueueHealthDashboardTest {

    private static final Path README = Path.of("..", "..", "README.md");

    @Test
    void every_panel_has_a_unit_and_a_description() throws Exception {
        assertThat(ObservabilityFiles.panelQueries()).isNotEmpty().allSatisfy(query -> {
            assertThat(query.unit()).as("unit of '%s'", query.panel()).isNotBlank();
            assertThat(query.description()).as("description of '%s'", query.panel()).isNotBlank();
        });
    }

    @Test
    void every_alert_compares_a_signal_and_has_a_runbook_line_in_the_readme() throws Exception {
        String readme = Files.readString(README);
        assertThat(ObservabilityFiles.alertRules()).hasSizeGreaterThanOrEqualTo(8).allSatisfy(rule -> {
            assertThat(rule.signal()).as("signal of %s", rule.name()).isNotBlank();
            assertThat(readme).as("README runbook line for %s", rule.name()).containsPattern("\\| `" + rule.name() + "` \\|");
        });
    }

    @Test
    void the_compose_prometheus_loads_the_same_rules_the_test_prometheus_evaluates() throws Exception {
        String compose = Files.readString(ObservabilityFiles.ROOT.resolve("prometheus/prometheus-compose.yml"));
        assertThat(compose).contains("/etc/prometheus/alerts.yml");
        for (String job : new String[]{"api", "sync-worker", "embedding-worker"}) {
            assertThat(compose).as("scrape job %s", job).contains("job_name: " + job);
        }
    }
}
