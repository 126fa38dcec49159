package com.trackgeek.sync.provider;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;
import com.trackgeek.sync.ratelimit.ProviderRateLimiter;
import com.trackgeek.sync.ratelimit.RateLimitWindow;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProviderGatewayTest {

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final ProviderRateLimiter unlimited = ProviderRateLimiter.of(Provider.JIKAN,
            List.of(RateLimitWindow.of(1_000_000, Duration.ofSeconds(1))), Duration.ZERO, metrics);

    private ProviderGateway gateway(int maxAttempts, int minimumCalls) {
        return new ProviderGateway(Provider.JIKAN, unlimited,
                new RetrySettings(maxAttempts, Duration.ofMillis(1), Duration.ofMillis(5)),
                new CircuitBreakerSettings(50, minimumCalls, Duration.ofMinutes(1)), metrics);
    }

    @Test
    void aProviderThatKeepsFailingIsShortCircuitedWithoutBeingCalled() {
        var gateway = gateway(1, 4);
        var calls = new AtomicInteger();
        Supplier<ProviderResponse> failing = () -> {
            calls.incrementAndGet();
            return new ProviderResponse(503, new byte[0], null);
        };
        for (int i = 0; i < 4; i++) {
            catchThrowableOfType(ProviderException.class, () -> gateway.call("anime_full", MediaType.ANIME, failing));
        }
        assertThat(gateway.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);

        var refused = catchThrowableOfType(ProviderException.class, () -> gateway.call("anime_full", MediaType.ANIME, failing));

        assertThat(refused.code()).isEqualTo(ErrorCode.JIKAN_SERVICE_UNAVAILABLE);
        assertThat(refused.getMessage()).contains("circuit open");
        assertThat(calls).hasValue(4);
        assertThat(metrics.get("trackgeek.provider.requests").tag("outcome", "short_circuited").timer().count()).isEqualTo(1);
    }

    @Test
    void anOpenTallyCountsEveryCallSentRetriesIncludedAndOnlyOnItsThread() throws InterruptedException {
        var gateway = gateway(3, 1000);
        var attempts = new AtomicInteger();
        Supplier<ProviderResponse> failingTwice = () -> attempts.incrementAndGet() <= 2
                ? new ProviderResponse(503, new byte[0], null)
                : new ProviderResponse(200, "{}".getBytes(StandardCharsets.UTF_8), null);

        ProviderCallTally tally;
        try (var open = ProviderCallTally.open()) {
            tally = open;
            gateway.call("anime_full", MediaType.ANIME, failingTwice);
            Thread elsewhere = Thread.ofVirtual().start(() ->
                    gateway.call("anime_full", MediaType.ANIME, () -> new ProviderResponse(200, new byte[0], null)));
            elsewhere.join();
        }
        gateway.call("anime_full", MediaType.ANIME, () -> new ProviderResponse(200, new byte[0], null));

        assertThat(tally.calls()).as("two failed attempts and the answer; not another thread's call, nor one after closing")
                .isEqualTo(3);
    }

    @Test
    void notFoundAnswersDoNotCountAgainstTheProvidersHealth() {
        var gateway = gateway(1, 4);
        for (int i = 0; i < 10; i++) {
            var notFound = catchThrowableOfType(ProviderException.class,
                    () -> gateway.call("anime_full", MediaType.ANIME, () -> new ProviderResponse(404, new byte[0], null)));
            assertThat(notFound.code()).isEqualTo(ErrorCode.ANIME_NOT_FOUND);
        }
        assertThat(gateway.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aNotFoundMeansTheNotFoundCodeOfTheTypeAsked() {
        var gateway = gateway(1, 4);

        var manga = catchThrowableOfType(ProviderException.class,
                () -> gateway.call("manga_full", MediaType.MANGA, () -> new ProviderResponse(404, new byte[0], null)));

        assertThat(manga.code()).isEqualTo(ErrorCode.MANGA_NOT_FOUND);
        assertThat(metrics.get("trackgeek.provider.requests").tag("endpoint", "manga_full").tag("outcome", "404").timer().count())
                .isEqualTo(1);
    }

    @Test
    void everyOutcomeOfTheProviderIsCountedFromZeroBeforeAnyRequest() {
        gateway(1, 4);

        for (String outcome : List.of("ok", "4xx", "404", "429", "5xx", "timeout", "error", "short_circuited")) {
            assertThat(metrics.find("trackgeek.provider.responses").tag("provider", "jikan").tag("outcome", outcome).counter())
                    .as(outcome).isNotNull()
                    .satisfies(counter -> assertThat(counter.count()).isZero());
        }
    }

    @Test
    void aNotFoundIsCountedApartFromOtherClientErrors() {
        var gateway = gateway(1, 1000);

        catchThrowableOfType(ProviderException.class,
                () -> gateway.call("anime_full", MediaType.ANIME, () -> new ProviderResponse(404, new byte[0], null)));
        catchThrowableOfType(ProviderException.class,
                () -> gateway.call("anime_full", MediaType.ANIME, () -> new ProviderResponse(404, new byte[0], null)));
        catchThrowableOfType(ProviderException.class,
                () -> gateway.call("anime_full", MediaType.ANIME, () -> new ProviderResponse(400, new byte[0], null)));
        gateway.call("anime_full", MediaType.ANIME, () -> new ProviderResponse(200, new byte[0], null));

        assertThat(responses("404")).isEqualTo(2);
        assertThat(responses("4xx")).isEqualTo(1);
        assertThat(responses("ok")).isEqualTo(1);
        assertThat(metrics.get("trackgeek.provider.requests").tag("endpoint", "anime_full").tag("outcome", "404").timer().count())
                .isEqualTo(2);
        assertThat(metrics.get("trackgeek.provider.requests").tag("endpoint", "anime_full").tag("outcome", "4xx").timer().count())
                .isEqualTo(1);
    }

    @Test
    void everyAttemptIsCountedAsAResponseRetriesIncluded() {
        var gateway = gateway(3, 1000);
        var attempts = new AtomicInteger();

        gateway.call("anime_full", MediaType.ANIME, () -> attempts.incrementAndGet() == 1
                ? new ProviderResponse(429, new byte[0], null)
                : new ProviderResponse(200, new byte[0], null));

        assertThat(responses("429")).isEqualTo(1);
        assertThat(responses("ok")).isEqualTo(1);
    }

    private double responses(String outcome) {
        return metrics.get("trackgeek.provider.responses").tag("provider", "jikan").tag("outcome", outcome).counter().count();
    }

    @Test
    void aRetryAfterIsHonouredUpToTheMaximumBackoff() {
        var gateway = new ProviderGateway(Provider.JIKAN, unlimited,
                new RetrySettings(2, Duration.ofMillis(1), Duration.ofMillis(300)),
                new CircuitBreakerSettings(50, 10, Duration.ofMinutes(1)), metrics);
        var calls = new AtomicInteger();
        long started = System.nanoTime();

        byte[] body = gateway.call("anime_full", MediaType.ANIME, () -> calls.incrementAndGet() == 1
                ? new ProviderResponse(429, new byte[0], Duration.ofSeconds(60))
                : new ProviderResponse(200, "ok".getBytes(StandardCharsets.UTF_8), null));

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("ok");
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("waited, but no longer than max-backoff although Jikan asked for 60 s")
                .isBetween(Duration.ofMillis(250), Duration.ofSeconds(5));
    }

    @Test
    void anUnexpectedClientErrorIsNotRetried() {
        var gateway = gateway(3, 10);
        var calls = new AtomicInteger();

        var failure = catchThrowableOfType(ProviderException.class, () -> gateway.call("anime_full", MediaType.ANIME, () -> {
            calls.incrementAndGet();
            return new ProviderResponse(400, new byte[0], null);
        }));

        assertThat(failure.code()).isEqualTo(ErrorCode.JIKAN_SERVICE_UNAVAILABLE);
        assertThat(calls).hasValue(1);
    }
}
