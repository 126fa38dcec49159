package com.trackgeek.sync.command;

import com.trackgeek.contracts.FetchRequested;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.Message;
import com.trackgeek.contracts.SyncLane;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.trackgeek.contracts.MediaType.ANIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The worker's sync and provider metrics as the running worker registers them: failed syncs by error code, whatever
 * ended them, and every configured provider's outcome counters, budget lanes and capacity from the start.
 */
class SyncMetricsIntegrationTest extends AbstractWorkerIntegrationTest {

    private static final List<String> PROVIDERS = List.of("jikan", "tmdb", "igdb", "hardcover");

    @Autowired
    MeterRegistry metrics;

    @Test
    void aSyncThatFailsIsCountedByTypeLaneAndErrorCodeAndItsProviderAnswerAs404() {
        double notFoundBefore = failures("ANIME", "interactive", "ANIME_NOT_FOUND");
        double answered404Before = responses("jikan", "404");

        UUID requestId = request(ANIME, missingId());

        await().atMost(PATIENCE).until(() -> requestStatus(requestId).equals("failed"));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(failures("ANIME", "interactive", "ANIME_NOT_FOUND")).isGreaterThanOrEqualTo(notFoundBefore + 1));
        assertThat(responses("jikan", "404")).isGreaterThanOrEqualTo(answered404Before + 1);
    }

    @Test
    void aCommandTheConsumerGivesUpOnIsCountedWithTheDeadLettersCode() {
        double malformedBefore = failures("ANIME", "interactive", "MALFORMED_MESSAGE");
        long id = newId();
        UUID requestId = queuedRequest(ANIME, id);

        send(new FetchRequested(Message.SCHEMA_VERSION + 1, requestId, MediaKey.of(ANIME, id), SyncLane.INTERACTIVE,
                Instant.now()));

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(failures("ANIME", "interactive", "MALFORMED_MESSAGE")).isGreaterThanOrEqualTo(malformedBefore + 1));
    }

    @Test
    void everyConfiguredProviderHasItsOutcomesAndBothBudgetLanesFromTheStart() {
        for (String provider : PROVIDERS) {
            for (String outcome : List.of("ok", "4xx", "404", "429", "5xx", "timeout", "error", "short_circuited")) {
                assertThat(metrics.find("trackgeek.provider.responses").tag("provider", provider).tag("outcome", outcome).counter())
                        .as(provider + " " + outcome).isNotNull();
            }
            for (String lane : List.of("interactive", "bulk")) {
                assertThat(metrics.find("trackgeek.provider.budget.tokens").tag("provider", provider).tag("lane", lane).counter())
                        .as(provider + " " + lane).isNotNull();
            }
        }
    }

    @Test
    void eachProvidersCapacityIsTheSustainedRateOfItsConfiguredLimits() {
        // As configured for these tests, with the default 50 ms jitter allowance. Jikan: 100/s (burst 1) and
        // 1000/min (burst 20); the minute window is the tighter one in the long run.
        assertThat(capacity("jikan")).isCloseTo(Math.min(99 / 1.05, 980 / 60.05), within(1e-9));
        assertThat(capacity("tmdb")).isCloseTo(180 / 1.05, within(1e-9));
        assertThat(capacity("hardcover")).isCloseTo(900 / 60.05, within(1e-9));
        assertThat(capacity("igdb")).isCloseTo(99 / 1.05, within(1e-9));
    }

    private double failures(String type, String lane, String code) {
        var counter = metrics.find("trackgeek.sync.failures").tag("type", type).tag("lane", lane).tag("code", code).counter();
        return counter == null ? 0 : counter.count();
    }

    private double responses(String provider, String outcome) {
        return metrics.get("trackgeek.provider.responses").tag("provider", provider).tag("outcome", outcome).counter().count();
    }

    private double capacity(String provider) {
        return metrics.get("trackgeek.provider.budget.capacity").tag("provider", provider).gauge().value();
    }
}
