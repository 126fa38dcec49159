package com.trackgeek.pipeline;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The operator's view of the system as committed in {@code infra/observability}: the Grafana dashboard's queries and
 * the Prometheus alert rules, read as Grafana and Prometheus read them, so a test can ask a real Prometheus for each.
 */
final class ObservabilityFiles {

    static final Path ROOT = Path.of("..", "observability");
    static final Path DASHBOARD = ROOT.resolve("grafana/dashboards/queue-health.json");
    static final Path ALERTS = ROOT.resolve("prometheus/alerts.yml");
    /** What Grafana puts in place of {@code $__rate_interval} for a 1 s scrape interval over a short range. */
    private static final String RATE_INTERVAL = "1m";

    private ObservabilityFiles() {
    }

    /** One query of one dashboard panel. */
    record PanelQuery(String panel, String unit, String description, String expression) {
    }

    /** One alert rule, and its signal: the expression left of its last top-level comparison. */
    record AlertRule(String name, String expression) {

        String signal() {
            int depth = 0;
            boolean quoted = false;
            int cut = -1;
            for (int i = 0; i < expression.length(); i++) {
                char c = expression.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && (c == '(' || c == '{' || c == '[')) {
                    depth++;
                } else if (!quoted && (c == ')' || c == '}' || c == ']')) {
                    depth--;
                } else if (!quoted && depth == 0 && (c == '>' || c == '<' || c == '=' || c == '!')) {
                    cut = i;
                    break;
                }
            }
            if (cut < 0) {
                throw new IllegalStateException("Alert " + name + " compares nothing at its top level: " + expression);
            }
            return expression.substring(0, cut).strip();
        }
    }

    static List<PanelQuery> panelQueries() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        List<PanelQuery> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(new PanelQuery(panel.path("title").asString(),
                        panel.path("fieldConfig").path("defaults").path("unit").asString(""),
                        panel.path("description").asString(""),
                        target.path("expr").asString().replace("$__rate_interval", RATE_INTERVAL)));
            }
        }
        return queries;
    }

    static List<String> panelTitles() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        List<String> titles = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> titles.add(panel.path("type").asString() + ": " + panel.path("title").asString()));
        return titles;
    }

    @SuppressWarnings("unchecked")
    static List<AlertRule> alertRules() throws IOException {
        try (Reader reader = Files.newBufferedReader(ALERTS)) {
            Map<String, Object> file = new Yaml().load(reader);
            List<AlertRule> rules = new ArrayList<>();
            for (var group : (List<Map<String, Object>>) file.get("groups")) {
                for (var rule : (List<Map<String, Object>>) group.get("rules")) {
                    rules.add(new AlertRule((String) rule.get("alert"), (String) rule.get("expr")));
                }
            }
            return rules;
        }
    }
}
