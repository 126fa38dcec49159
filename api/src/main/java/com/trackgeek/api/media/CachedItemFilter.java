package com.trackgeek.api.media;

import com.trackgeek.api.ApiPaths;
import com.trackgeek.api.security.ReadAccess;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Answers the plainest read of an item already in memory ({@code GET /api/v1/anime/5114}, no query, JSON or
 * anything acceptable) before Spring MVC and the HTTP observation run: handler mapping, argument resolution,
 * content negotiation and the per-request observation cost several times what writing the ready bytes does,
 * and this is the read most callers make. The answer is the one {@link MediaController} gives: the same
 * bytes, {@code ETag} and {@code Content-Type}, a 304 for a matching {@link IfNoneMatch}, the hit counted as
 * {@code cache_hit}, the stale or gone marker and a stale item's background refresh ({@link StaleWhileRevalidate}).
 *
 * <p>Anything else is passed on untouched, so every other answer (a query such as {@code wait}, another
 * {@code Accept}, other preconditions, HEAD, a malformed id, a type not served, an item not in memory) keeps
 * coming from the controller and its problem details. It answers nothing while reads need an API key
 * ({@link ReadAccess}): it runs before the security filter chain. What it does answer has a path of ASCII letters and
 * digits and no query, so it cannot carry a malformed encoding: its order relative to the filter that
 * refuses those does not matter.
 */
@Component
final class CachedItemFilter extends HttpFilter implements Ordered {

    private static final String ITEM_PREFIX = ApiPaths.PREFIX + "/";
    private static final int MAX_ID_DIGITS = 18;

    private final ItemCache cache;
    private final FetchMetrics metrics;
    private final StaleWhileRevalidate freshness;
    private final MediaType[] served;
    private final boolean readsOpen;

    CachedItemFilter(ItemCache cache, FetchMetrics metrics, StaleWhileRevalidate freshness, ServedMediaTypes served,
                     ReadAccess reads) {
        this.cache = cache;
        this.metrics = metrics;
        this.freshness = freshness;
        this.served = served.types().toArray(MediaType[]::new);
        this.readsOpen = reads.open();
    }

    /** As early as possible: a hit needs none of the other filters (observation, request context, form content). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        MediaKey key = plainItemRead(request);
        ReadyItem item = key == null ? null : cache.getIfCached(key);
        if (item == null) {
            chain.doFilter(request, response);
            return;
        }
        metrics.outcome(key.type(), FetchOutcome.CACHE_HIT);
        response.setHeader(HttpHeaders.ETAG, item.etag());
        freshness.served(key, item, response);
        if (IfNoneMatch.matches(request, item.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(item.body().length);
        response.getOutputStream().write(item.body());
    }

    /** The item of a GET this filter may answer, or null to leave the request to the controller. */
    private MediaKey plainItemRead(HttpServletRequest request) {
        if (!readsOpen || !"GET".equals(request.getMethod()) || request.getQueryString() != null || !acceptsJson(request)
                || !IfNoneMatch.isTheOnlyPrecondition(request)) {
            return null;
        }
        String uri = request.getRequestURI();
        if (!uri.startsWith(ITEM_PREFIX)) {
            return null;
        }
        for (MediaType type : served) {
            String segment = type.pathSegment();
            int slash = ITEM_PREFIX.length() + segment.length();
            // Compared in place: this runs for every request, and allocates nothing until it is a hit.
            if (uri.length() > slash && uri.charAt(slash) == '/' && uri.startsWith(segment, ITEM_PREFIX.length())) {
                long id = canonicalId(uri, slash + 1);
                return id > 0 ? MediaKey.of(type, id) : null;
            }
        }
        return null;
    }

    /** The common headers only; any other Accept is negotiated by Spring MVC as before. */
    private static boolean acceptsJson(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept == null || accept.equals("*/*") || accept.equals("application/json");
    }

    /** The id as {@link RequestParameters#providerId} accepts it, or -1: anything else gets its 400 there. */
    private static long canonicalId(String uri, int start) {
        int length = uri.length() - start;
        if (length < 1 || length > MAX_ID_DIGITS || uri.charAt(start) == '0') {
            return -1;
        }
        long id = 0;
        for (int i = start; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            id = id * 10 + (c - '0');
        }
        return id;
    }
}
