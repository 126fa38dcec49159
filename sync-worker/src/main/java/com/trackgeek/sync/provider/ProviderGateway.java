package com.trackgeek.sync.provider;

import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;
import com.trackgeek.sync.ratelimit.ProviderRateLimiter;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.web.client.ResourceAccessException;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The one way any provider request leaves the worker: through the provider's rate limiter (every attempt),
 * a circuit breaker, and retries with jittered exponential backoff that honour Retry-After, with every
 * attempt counted by outcome (and into the thread's {@link ProviderCallTally}, for work that reports its cost).
 * Providers only say how to make one HTTP attempt.
 */
public final class ProviderGateway {

    /**
     * Every outcome an attempt is counted under, in {@code trackgeek.provider.requests} (with the endpoint) and
     * {@code trackgeek.provider.responses} (without): 404 apart from other 4xx, as a 404 is an answer about an
     * item (it does not exist) and every other 4xx is a fault of ours or of our credentials.
     */
    static final List<String> OUTCOMES = List.of("ok", "4xx", "404", "429", "5xx", "timeout", "error", "short_circuited");

    private final Provider provider;
    private final ProviderRateLimiter rateLimiter;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final MeterRegistry meterRegistry;
    private final Map<String, Counter> responses;

    public ProviderGateway(Provider provider, ProviderRateLimiter rateLimiter, RetrySettings retrySettings,
                           CircuitBreakerSettings breakerSettings, MeterRegistry meterRegistry) {
        this.provider = provider;
        this.rateLimiter = rateLimiter;
        this.meterRegistry = meterRegistry;
        // Registered now, at zero: alerts and panels on a rare outcome (a 429) see a series before it first happens.
        this.responses = OUTCOMES.stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                outcome -> Counter.builder("trackgeek.provider.responses")
                        .description("Provider request attempts (retries included) by outcome; short_circuited ones were not sent")
                        .tag("provider", provider.name().toLowerCase(Locale.ROOT))
                        .tag("outcome", outcome)
                        .register(meterRegistry)));
        this.circuitBreaker = CircuitBreaker.of(provider.name().toLowerCase(), CircuitBreakerConfig.custom()
                .failureRateThreshold(breakerSettings.failureRateThreshold())
                .minimumNumberOfCalls(breakerSettings.minimumCalls())
                .slidingWindowSize(Math.max(breakerSettings.minimumCalls(), 20))
                .waitDurationInOpenState(breakerSettings.openFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(failure -> failure instanceof RetryableFailure retryable && retryable.countsAgainstHealth())
                .build());
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(
                retrySettings.initialBackoff(), 2.0, 0.5, retrySettings.maxBackoff());
        long maxBackoffMillis = retrySettings.maxBackoff().toMillis();
        this.retry = Retry.of(provider.name().toLowerCase(), RetryConfig.<byte[]>custom()
                .maxAttempts(Math.max(1, retrySettings.maxAttempts()))
                .retryOnException(failure -> failure instanceof RetryableFailure)
                .intervalBiFunction((attempt, outcome) -> {
                    long backoffMillis = backoff.apply(attempt);
                    if (outcome.isLeft() && outcome.getLeft() instanceof RetryableFailure failure && failure.retryAfter() != null) {
                        return Math.min(maxBackoffMillis, Math.max(backoffMillis, failure.retryAfter().toMillis()));
                    }
                    return backoffMillis;
                })
                .build());
    }

    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    /**
     * Performs the request (any method: the attempt says how) until it succeeds or retrying is pointless.
     * A 401 or 403 is not retried: it throws {@link Provider#credentialsRejected()}, which a provider with
     * renewable tokens may catch, renew, and call again once.
     *
     * @param endpoint  a low-cardinality name for metrics, e.g. {@code anime_full}
     * @param notFoundAs the media type whose {@code *_NOT_FOUND} a 404 means
     * @return the body of the successful answer
     */
    public byte[] call(String endpoint, MediaType notFoundAs, Supplier<ProviderResponse> attempt) {
        try {
            return retry.executeSupplier(() -> attemptOnce(endpoint, notFoundAs, attempt));
        } catch (RetryableFailure exhausted) {
            throw ProviderException.unavailable(provider, endpoint + ": " + exhausted.getMessage()
                    + " (after " + retry.getRetryConfig().getMaxAttempts() + " attempts)", exhausted);
        }
    }

    private byte[] attemptOnce(String endpoint, MediaType notFoundAs, Supplier<ProviderResponse> attempt) {
        awaitRateLimit();
        if (!circuitBreaker.tryAcquirePermission()) {
            count(endpoint, "short_circuited", 0);
            throw ProviderException.unavailable(provider, "circuit open after repeated failures",
                    CallNotPermittedException.createCallNotPermittedException(circuitBreaker));
        }
        long started = System.nanoTime();
        ProviderResponse response;
        ProviderCallTally.countCall();
        try {
            response = attempt.get();
        } catch (ResourceAccessException ioFailure) {
            boolean timeout = ioFailure.getCause() instanceof HttpTimeoutException
                    || ioFailure.getCause() instanceof java.net.SocketTimeoutException;
            RetryableFailure failure = new RetryableFailure(timeout ? "timed out" : "unreachable: " + ioFailure.getMessage(), null, true);
            recordOutcome(endpoint, timeout ? "timeout" : "error", started, failure);
            throw failure;
        }
        int status = response.status();
        if (response.isSuccess()) {
            recordOutcome(endpoint, "ok", started, null);
            return response.body();
        }
        if (status == 404) {
            recordOutcome(endpoint, "404", started, null);
            throw ProviderException.notFound(notFoundAs, provider + " answered 404 for " + endpoint);
        }
        if (status == 429) {
            RetryableFailure failure = new RetryableFailure("HTTP 429 (rate limited)", response.retryAfter(), false);
            recordOutcome(endpoint, "429", started, failure);
            throw failure;
        }
        if (status >= 500) {
            RetryableFailure failure = new RetryableFailure("HTTP " + status, response.retryAfter(), true);
            recordOutcome(endpoint, "5xx", started, failure);
            throw failure;
        }
        recordOutcome(endpoint, "4xx", started, null);
        if (status == 401 || status == 403) {
            throw ProviderException.credentialsRejected(provider, endpoint + " answered HTTP " + status
                    + ": the configured credentials were refused");
        }
        throw ProviderException.unavailable(provider, endpoint + " answered HTTP " + status, null);
    }

    private void awaitRateLimit() {
        try {
            rateLimiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + provider + "'s rate limit", e);
        } catch (ProviderRateLimiter.BudgetUnavailable unchecked) {
            // Fail closed: without a token from the shared budget no request goes out.
            throw ProviderException.unavailable(provider, unchecked.getMessage(), unchecked);
        }
    }

    private void recordOutcome(String endpoint, String outcome, long startedNanos, RetryableFailure failure) {
        long elapsed = System.nanoTime() - startedNanos;
        if (failure != null && failure.countsAgainstHealth()) {
            circuitBreaker.onError(elapsed, java.util.concurrent.TimeUnit.NANOSECONDS, failure);
        } else {
            circuitBreaker.onSuccess(elapsed, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
        count(endpoint, outcome, elapsed);
    }

    private void count(String endpoint, String outcome, long elapsedNanos) {
        Timer.builder("trackgeek.provider.requests")
                .description("Requests sent to providers, by outcome")
                .tag("provider", provider.name().toLowerCase())
                .tag("endpoint", endpoint)
                .tag("outcome", outcome)
                .register(meterRegistry)
                .record(Duration.ofNanos(elapsedNanos));
        responses.get(outcome).increment();
    }

    /** A failed attempt that another attempt may fix. */
    static final class RetryableFailure extends RuntimeException {
        private final transient Duration retryAfter;
        private final boolean countsAgainstHealth;

        RetryableFailure(String message, Duration retryAfter, boolean countsAgainstHealth) {
            super(message, null, false, false);
            this.retryAfter = retryAfter;
            this.countsAgainstHealth = countsAgainstHealth;
        }

        Duration retryAfter() {
            return retryAfter;
        }

        boolean countsAgainstHealth() {
            return countsAgainstHealth;
        }
    }
}
