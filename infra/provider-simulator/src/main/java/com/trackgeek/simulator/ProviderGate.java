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
import java.util.Optional;

/**
 * Stands in front of one provider's endpoints the way the provider's gateway does: every request is
 * logged, rate limits come first (a rejected request is cheap and immediate), then latency, then a test's
 * scripted answer if one matches, else injected faults. A scripted answer thus spends budget like a real
 * one, and a 429 is the limiter's to give.
 */
public final class ProviderGate implements HandlerInterceptor {

    private static final String TIMED_OUT = ProviderGate.class.getName() + ".timedOut";
    private static final String LOGGED = ProviderGate.class.getName() + ".logged";
    /** What a scripted 429 tells the client, as the provider's gateway always names a wait. */
    private static final String SCRIPTED_RETRY_AFTER_SECONDS = "1";

    private final String provider;
    private final SlidingWindowRateLimiter rateLimiter;
    private final FaultInjector faults;
    private final ProviderErrorBodies errors;
    private final ProviderScript script;
    private final RequestLog requestLog;
    private final JsonMapper jsonMapper;
    private final RequestMetrics metrics;

    public ProviderGate(String provider, SlidingWindowRateLimiter rateLimiter, FaultInjector faults,
                        ProviderErrorBodies errors, ProviderScript script, RequestLog requestLog,
                        JsonMapper jsonMapper, RequestMetrics metrics) {
        this.provider = provider;
        this.rateLimiter = rateLimiter;
        this.faults = faults;
        this.errors = errors;
        this.script = script;
        this.requestLog = requestLog;
        this.jsonMapper = jsonMapper;
        this.metrics = metrics;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        request.setAttribute(LOGGED, requestLog.arrived(request.getRequestURI()));
        RateLimitDecision decision = rateLimiter.tryAcquire();
        if (!decision.allowed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
            reject(request, response, HttpStatus.TOO_MANY_REQUESTS, errors.rateLimited(decision));
            return false;
        }
        FaultSettings settings = faults.settings();
        pause(settings.latency());
        Optional<ScriptRule> rule = script.ruleFor(request.getRequestURI());
        if (rule.isPresent() && rule.get() instanceof ScriptRule.Answer answer) {
            answerAsScripted(request, response, answer);
            return false;
        }
        if (rule.isPresent() && rule.get() instanceof ScriptRule.Hold hold) {
            pause(hold.delay());
        }
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
        // An exception no handler turned into a body becomes the container's 500 after this point.
        int status = ex != null ? HttpStatus.INTERNAL_SERVER_ERROR.value() : response.getStatus();
        logged(request).answered(status);
        Outcome outcome = request.getAttribute(TIMED_OUT) != null ? Outcome.TIMEOUT : Outcome.ofStatus(status);
        metrics.record(provider, endpoint(request), outcome);
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, HttpStatus status, Object body)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        jsonMapper.writeValue(response.getOutputStream(), body);
        answeredByTheGate(request, status.value());
    }

    private void answerAsScripted(HttpServletRequest request, HttpServletResponse response,
                                  ScriptRule.Answer answer) throws IOException {
        response.setStatus(answer.status());
        if (answer.status() == HttpStatus.TOO_MANY_REQUESTS.value()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, SCRIPTED_RETRY_AFTER_SECONDS);
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
        answeredByTheGate(request, answer.status());
    }

    /** afterCompletion is skipped for requests a preHandle refuses, so they are logged and counted here. */
    private void answeredByTheGate(HttpServletRequest request, int status) {
        logged(request).answered(status);
        metrics.record(provider, endpoint(request), Outcome.ofStatus(status));
    }

    private static RequestLog.Entry logged(HttpServletRequest request) {
        return (RequestLog.Entry) request.getAttribute(LOGGED);
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
