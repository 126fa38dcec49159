package com.trackgeek.sync.provider.hardcover;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.catalog.Book;
import com.trackgeek.simulator.EmbeddedSimulator;
import com.trackgeek.simulator.LoggedRequest;
import com.trackgeek.sync.SharedSimulator;
import com.trackgeek.sync.provider.CircuitBreakerSettings;
import com.trackgeek.sync.provider.MetadataProvider;
import com.trackgeek.sync.provider.ProviderException;
import com.trackgeek.sync.provider.ProviderSettings;
import com.trackgeek.sync.provider.RetrySettings;
import com.trackgeek.sync.ratelimit.BudgetSettings;
import com.trackgeek.sync.ratelimit.ProviderBudgets;
import com.trackgeek.sync.ratelimit.RateLimitWindow;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The provider as its configuration builds it, against the shared simulated Hardcover and its token check. */
class HardcoverProviderTest {

    private static final String GRAPHQL = "/hardcover/v1/graphql";
    private static final MediaKey HARRY_POTTER = MediaKey.of(MediaType.BOOK, 328491);

    @Test
    void withoutATokenTheProviderNamesTheVariableAndNeverCallsHardcover() {
        for (String token : new String[]{null, "", "  ", "Bearer "}) {
            MetadataProvider hardcover = provider(token);
            int before = calls();

            assertThat(hardcover.missingSettings()).as(token).containsExactly("TRACKGEEK_PROVIDERS_HARDCOVER_TOKEN");
            assertThatThrownBy(() -> hardcover.fetch(HARRY_POTTER)).isInstanceOfSatisfying(ProviderException.class,
                    failure -> assertThat(failure.code()).isEqualTo(ErrorCode.HARDCOVER_NOT_CONFIGURED));
            assertThat(calls()).isEqualTo(before);
        }
    }

    @Test
    void aTokenHardcoverRefusesIsRejectedCredentialsFromTheFakesOwn401() {
        MetadataProvider hardcover = provider("Bearer not-the-token");
        int before = calls();

        assertThatThrownBy(() -> hardcover.fetch(HARRY_POTTER)).isInstanceOfSatisfying(ProviderException.class, failure -> {
            assertThat(failure.code()).isEqualTo(ErrorCode.HARDCOVER_CREDENTIALS_REJECTED);
            assertThat(failure.getMessage()).doesNotContain("not-the-token");
        });
        assertThat(calls() - before).as("a refused token is not retried").isEqualTo(1);
    }

    @Test
    void theTokenIsSentAsABearerTokenWhetherOrNotItWasPastedWithItsScheme() {
        for (String token : List.of(SharedSimulator.HARDCOVER_TOKEN, "Bearer " + SharedSimulator.HARDCOVER_TOKEN,
                "bearer " + SharedSimulator.HARDCOVER_TOKEN)) {
            MetadataProvider hardcover = provider(token);

            assertThat(hardcover.missingSettings()).isEmpty();
            assertThat(((Book) hardcover.fetch(HARRY_POTTER)).title()).as(token).isEqualTo("Harry Potter and the Sorcerer's Stone");
        }
    }

    @Test
    void theFakesOwnMinuteLimitIsRetriedThenUnavailable() {
        try (EmbeddedSimulator strict = EmbeddedSimulator.start(Map.of("simulator.hardcover.per-minute", 2))) {
            MetadataProvider hardcover = provider(strict.hardcoverGraphqlUrl(), "any-token");
            hardcover.fetch(HARRY_POTTER);
            hardcover.fetch(HARRY_POTTER);

            assertThatThrownBy(() -> hardcover.fetch(HARRY_POTTER)).isInstanceOfSatisfying(ProviderException.class,
                    failure -> assertThat(failure.code()).isEqualTo(ErrorCode.HARDCOVER_SERVICE_UNAVAILABLE));
            // The gate logs a status once the answer is written: the client may read it a moment before.
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(strict.requests().requests(GRAPHQL))
                    .extracting(LoggedRequest::status).containsExactly(200, 200, 429, 429, 429));
        }
    }

    @Test
    void thePropertiesNeverShowTheToken() {
        HardcoverProperties properties = properties("Bearer s3cret-value");

        assertThat(properties.toString()).doesNotContain("s3cret-value").contains("token=(set)");
        assertThat(properties.authorization()).isEqualTo("Bearer s3cret-value");
        assertThat(properties("s3cret-value").authorization()).isEqualTo("Bearer s3cret-value");
    }

    private static MetadataProvider provider(String token) {
        return provider(SharedSimulator.simulator().hardcoverGraphqlUrl(), token);
    }

    private static MetadataProvider provider(String url, String token) {
        return new HardcoverConfiguration().hardcoverProvider(properties(url, token), new ProviderSettings(Duration.ofMillis(50)),
                RestClient.builder(),
                ProviderBudgets.inProcess(BudgetSettings.defaults().withBulkShare(1.0), new SimpleMeterRegistry()),
                new SimpleMeterRegistry());
    }

    private static HardcoverProperties properties(String token) {
        return properties(SharedSimulator.simulator().hardcoverGraphqlUrl(), token);
    }

    private static HardcoverProperties properties(String url, String token) {
        return new HardcoverProperties(URI.create(url), token,
                Duration.ofSeconds(2), Duration.ofSeconds(5), 20, List.of(RateLimitWindow.of(100, Duration.ofSeconds(1))),
                new RetrySettings(3, Duration.ofMillis(10), Duration.ofMillis(100)),
                new CircuitBreakerSettings(50, 100, Duration.ofSeconds(30)));
    }

    private static int calls() {
        return SharedSimulator.simulator().requests().count(GRAPHQL);
    }
}
