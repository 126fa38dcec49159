package com.trackgeek.api.security;

import com.trackgeek.api.problem.ProblemWriter;
import com.trackgeek.contracts.ErrorCode;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Limits each API key's write requests (bulk syncs, refreshes), which start work that spends provider budget, so
 * that no client spends it alone: a token bucket per key (Bucket4j, in memory, so per api instance), refilled
 * gradually, answered past its end with 429 and {@code Retry-After}. Runs after authorization, so only requests the
 * key may make count. Reads are not limited here: a read costs the providers at most one fetch per item, shared by
 * every caller of it.
 *
 * <p>What a client spends of the providers' budget, reads of missing items and searches included, is bounded for all
 * replicas together by its quota ({@code com.trackgeek.api.quota.ClientQuota}); this limit stays as the bound on
 * the rate of a key's writes of every kind (cancels and model pins too, which spend nothing), per instance.
 */
final class WriteLimitFilter extends OncePerRequestFilter {

    private final RequestMatcher writes;
    private final ApiSecurityProperties.WriteLimit limit;
    private final Map<String, Integer> ownLimits;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    WriteLimitFilter(RequestMatcher writes, ApiSecurityProperties properties) {
        this.writes = writes;
        this.limit = properties.writeLimit();
        this.ownLimits = properties.keys().stream()
                .filter(key -> key.writes() != null)
                .collect(Collectors.toMap(ApiSecurityProperties.Key::name, ApiSecurityProperties.Key::writes));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof PreAuthenticatedAuthenticationToken) || !writes.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        String key = authentication.getName();
        var probe = buckets.computeIfAbsent(key, newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ProblemWriter.write(response, ErrorCode.TOO_MANY_REQUESTS, "The API key '" + key + "' has used up its write"
                + " limit (" + requests(key) + " per " + limit.period().toSeconds() + " s); try again in " + seconds
                + " s.",
                request.getRequestURI());
    }

    private Function<String, Bucket> newBucket() {
        Duration period = limit.period();
        return key -> {
            int requests = requests(key);
            return Bucket.builder().addLimit(bandwidth -> bandwidth.capacity(requests).refillGreedy(requests, period))
                    .build();
        };
    }

    private int requests(String key) {
        return ownLimits.getOrDefault(key, limit.requests());
    }
}
