package com.trackgeek.api.quota;

import java.util.Locale;

/** What a request that spends provider budget does: the {@code route} tag of the quota's metrics. */
public enum QuotaRoute {
    /** {@code GET /api/v1/{type}/{id}} of an item not stored: the API publishes its fetch. */
    ITEM_FETCH,
    /** A search whose provider part is asked (one token per type whose provider is asked). */
    PROVIDER_SEARCH,
    /** {@code POST /api/v1/{type}/{id}/refresh} that queues a refresh. */
    REFRESH,
    /** {@code POST /api/v1/bulk-syncs} of a new job. */
    BULK_SYNC,
    /** {@code POST /api/v1/bulk-syncs/{id}/retry-failed}. */
    BULK_REPLAY;

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
