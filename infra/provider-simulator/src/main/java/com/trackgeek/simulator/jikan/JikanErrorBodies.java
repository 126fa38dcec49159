package com.trackgeek.simulator.jikan;

import com.trackgeek.simulator.ProviderErrorBodies;
import com.trackgeek.simulator.RateLimitDecision;
import jakarta.servlet.http.HttpServletRequest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Jikan's 429 and 500 bodies for the gate. */
final class JikanErrorBodies implements ProviderErrorBodies {

    private static final Pattern ITEM_PATH = Pattern.compile("/(anime|manga)/(\\d+)");

    @Override
    public Object rateLimited(RateLimitDecision decision) {
        return JikanError.rateLimited();
    }

    @Override
    public Object serverError(HttpServletRequest request) {
        // Jikan's UpstreamException names the MyAnimeList page it failed to scrape.
        Matcher item = ITEM_PATH.matcher(request.getRequestURI());
        String malUrl = item.find()
                ? "https://myanimelist.net/" + item.group(1) + "/" + item.group(2) + "/"
                : "https://myanimelist.net/";
        return JikanError.upstream(malUrl);
    }
}
