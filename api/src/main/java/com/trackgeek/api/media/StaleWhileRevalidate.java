package com.trackgeek.api.media;

import com.trackgeek.api.syncrequest.BackgroundRefresh;
import com.trackgeek.contracts.MediaKey;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

/**
 * What every 200 or 304 of a stored item adds, whichever path answers it (the cached-read filter or the
 * controller): its freshness header, and for a stale item the background refresh. A gone item queues nothing.
 */
@Component
final class StaleWhileRevalidate {

    private final BackgroundRefresh refresh;

    StaleWhileRevalidate(BackgroundRefresh refresh) {
        this.refresh = refresh;
    }

    void served(MediaKey key, ReadyItem item, HttpServletResponse response) {
        switch (item.freshness()) {
            case STALE -> {
                response.setHeader(Freshness.STALE_HEADER, "true");
                refresh.request(key);
            }
            case GONE -> response.setHeader(Freshness.GONE_HEADER, "true");
            case CURRENT -> {
            }
        }
    }
}
