package com.trackgeek.api.media;

/**
 * How current a served item is, shown in its body ({@code sync.stale}, {@code sync.gone}) and in a header, so that
 * a caller can tell without reading the body. Stale: a background refresh is queued. Gone: the provider deleted
 * it; its last data is kept and nothing refreshes it.
 */
enum Freshness {
    CURRENT, STALE, GONE;

    static final String STALE_HEADER = "X-TrackGeek-Stale";
    static final String GONE_HEADER = "X-TrackGeek-Gone";
}
