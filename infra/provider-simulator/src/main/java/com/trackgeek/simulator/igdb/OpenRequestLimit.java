package com.trackgeek.simulator.igdb;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * IGDB's "at most 8 open requests": the request that would be the 9th open one is answered 429 at once. It
 * stands before the provider gate, so time spent in the gate (latency, scripted holds) counts as open. The
 * highest number of requests ever open at once, rejected ones included, is kept for tests: a client that
 * respects the limit never pushes it above the limit.
 */
final class OpenRequestLimit implements HandlerInterceptor {

    private static final String COUNTED = OpenRequestLimit.class.getName() + ".counted";
    /** IGDB's gateway answer to too many requests (no recording: the documented status, a minimal body). */
    static final byte[] TOO_MANY = "{\"message\":\"Too Many Requests\"}".getBytes(StandardCharsets.UTF_8);

    private final int max;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();

    OpenRequestLimit(int max) {
        this.max = max;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        int now = open.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        if (max > 0 && now > max) {
            open.decrementAndGet();
            rejected.incrementAndGet();
            response.setStatus(429);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(TOO_MANY);
            return false;
        }
        request.setAttribute(COUNTED, Boolean.TRUE);
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (request.getAttribute(COUNTED) != null) {
            request.removeAttribute(COUNTED);
            open.decrementAndGet();
        }
    }

    int peak() {
        return peak.get();
    }

    void resetPeak() {
        peak.set(open.get());
    }

    int rejected() {
        return rejected.get();
    }
}
