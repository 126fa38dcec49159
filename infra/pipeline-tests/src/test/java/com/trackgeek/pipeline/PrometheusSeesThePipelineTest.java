package com.trackgeek.pipeline;

import com.trackgeek.contracts.Topics;
import com.trackgeek.testsupport.SharedInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator's promise: a real Prometheus scraping the real pipeline, after interactive, bulk, failing and
 * dead-lettered work, has a series for every query of every panel of the "Queue health" dashboard and for the
 * signal of every alert rule (so a metric renamed in code without the dashboard fails here), the rules pass
 * {@code promtool}, the dead-letter alert fires and the 429 alert does not.
 */
class PrometheusSeesThePipelineTest {

    private static final long INTERACTIVE_ANIME = 653_001;
    private static final long UNKNOWN_ANIME = 9_653_001;
    private static final List<Long> BULK_MOVIES = LongStream.rangeClosed(953_001, 953_004).boxed().toList();
    private static final String POISON_KEY = "ANIME:653002";

    private final Pipeline pipeline = Pipeline.get();

    @Test
    void every_panel_and_alert_has_series_the_dead_letter_alert_fires_and_the_429_alert_does_not() throws Exception {
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("api", hostAndPort(pipeline.apiUrl()));
        targets.put("sync-worker", hostAndPort(pipeline.syncWorkerUrl()));
        targets.put("embedding-worker", hostAndPort(pipeline.embeddingWorkerUrl()));

        try (var prometheus = PrometheusServer.start(targets, ObservabilityFiles.ALERTS)) {
            interactiveBulkFailingAndDeadLetteredWork();

            List<String> withoutSeries = new ArrayList<>();
            try {
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                    withoutSeries.clear();
                    withoutSeries.addAll(queriesWithoutSeries(prometheus));
                    return withoutSeries.isEmpty();
                });
            } finally {
                assertThat(withoutSeries).as("dashboard panels and alert signals without a series (scrape targets: %s)",
                        prometheus.targets().stream().map(target -> target.path("scrapeUrl").asString() + " "
                                + target.path("health").asString() + " " + target.path("lastError").asString()).toList())
                        .isEmpty();
            }

            assertThat(PrometheusServer.checkRules(ObservabilityFiles.ALERTS)).contains("SUCCESS");

            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(prometheus.alerts()).as("alerts now")
                            .anySatisfy(alert -> {
                                assertThat(alert.path("labels").path("alertname").asString()).isEqualTo("TrackGeekDeadLetters");
                                assertThat(alert.path("labels").path("topic").asString()).isEqualTo(Topics.SYNC_REQUESTS_INTERACTIVE);
                                assertThat(alert.path("state").asString()).isEqualTo("firing");
                            }));
            assertThat(prometheus.alerts()).as("no provider answered 429, no service is down, no breaker is open")
                    .map(alert -> alert.path("labels").path("alertname").asString())
                    .doesNotContain("TrackGeekProviderRateLimited", "TrackGeekServiceDown", "TrackGeekProviderCircuitOpen");
        }
    }

    private void interactiveBulkFailingAndDeadLetteredWork() throws Exception {
        var fetched = ApiCalls.get(pipeline.apiUrl(), "/api/v1/anime/" + INTERACTIVE_ANIME + "?wait=PT30S");
        assertThat(fetched.status()).as("an interactive fetch").isEqualTo(200);

        var unknown = ApiCalls.get(pipeline.apiUrl(), "/api/v1/anime/" + UNKNOWN_ANIME + "?wait=PT30S");
        assertThat(unknown.status()).as("a fetch the provider answers 404").isEqualTo(404);

        UUID jobId = UUID.randomUUID();
        BulkCommands.send("""
                {"schemaVersion":1,"jobId":"%s","selector":{"kind":"IDS","type":"MOVIE","ids":[%s]},\
                "requestedBy":"prometheus-test","requestedAt":"%s"}""".formatted(jobId,
                BULK_MOVIES.stream().map(String::valueOf).collect(Collectors.joining(",")), Instant.now()));

        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.SYNC_REQUESTS_INTERACTIVE, POISON_KEY, "this is not a sync command")).get();
        }

        await().atMost(Duration.ofMinutes(2)).until(() -> Database.bulkProgress(jobId)
                .map(job -> job.status().equals("done")).orElse(false));
    }

    private static List<String> queriesWithoutSeries(PrometheusServer prometheus) throws Exception {
        List<String> missing = new ArrayList<>();
        for (var query : ObservabilityFiles.panelQueries()) {
            if (prometheus.query(query.expression()).isEmpty()) {
                missing.add("panel '" + query.panel() + "': " + query.expression());
            }
        }
        for (var rule : ObservabilityFiles.alertRules()) {
            List<JsonNode> series = prometheus.query(rule.signal());
            if (series.isEmpty()) {
                missing.add("alert " + rule.name() + ": " + rule.signal());
            }
        }
        return missing;
    }

    private static String hostAndPort(String url) {
        URI uri = URI.create(url);
        return uri.getHost() + ":" + uri.getPort();
    }
}
