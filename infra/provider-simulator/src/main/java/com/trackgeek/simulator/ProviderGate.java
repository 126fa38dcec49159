package com.trackgeek.simulator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;

/**
 * Stands in front of one provider's endpoints the way the provider's gateway does: rate limits first
 * (a rejected request is cheap and immediate), then latency and injected faults.
 */
public final class ProviderGate implements HandlerInterceptor {

    private static final String TIMED_OUT = ProviderGate.class.getName() + ".timedOut";

    private final String provider;
    private final SlidingWindowRateLimiter rateLimiter;
    private final FaultInjector faults;
    private final ProviderErrorBodies errors;
    private final JsonMapper jsonMapper;
    private final RequestMetrics metrics;

    public ProviderGate(String provider, SlidingWindowRateLimiter rateLimiter, FaultInjector faults,
                        ProviderErrorBodies errors, JsonMapper jsonMapper, RequestMetrics metrics) {
        this.provider = provider;
        this.rateLimiter = rateLimiter;
        this.faults = faults;
        this.errors = errors;
        this.jsonMapper = jsonMapper;
        this.metrics = metrics;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        RateLimitDecision decision = rateLimiter.tryAcquire();
        if (!decision.allowed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
            reject(request, response, HttpStatus.TOO_MANY_REQUESTS, errors.rateLimited(decision));
            return false;
        }
        FaultSettings settings = faults.settings();
        pause(settings.latency());
        switch (faults.next()) {
            case SERVER_ERROR -> {
                reject(request, response, HttpStatus.INTERNAL_SERVER_ERROR, errors.serverError(request));
                return false;
            }
            case TIMEOUT -> {
                request.setAttribute(TIMED_OUT, Boolean.TRUE);
                pause(settings.timeoutDelay());
            }
            case NONE -> {
            }
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        Outcome outcome = request.getAttribute(TIMED_OUT) != null
                ? Outcome.TIMEOUT
                : Outcome.ofStatus(response.getStatus());
        metrics.record(provider, endpoint(request), outcome);
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, HttpStatus status, Object body)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        jsonMapper.writeValue(response.getOutputStream(), body);
        // afterCompletion is skipped for requests a preHandle refuses, so count them here.
        metrics.record(provider, endpoint(request), Outcome.ofStatus(status.value()));
    }

    private static String endpoint(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern != null ? pattern.toString() : "unmatched";
    }

    private static void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            // Shutting down: answer at once rather than swallow the interrupt.
            Thread.currentThread().interrupt();
        }
    }
}
