package com.trackgeek.api.search;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of {@code provider_search}: a provider's search for one page, asked, answered or failed.
 *
 * @param query       the normalised query, the cache key and what the provider is asked
 * @param providerIds the hits in the provider's order (empty unless done)
 * @param total       the provider's count of all hits, where it gives one
 */
record ProviderSearchRow(MediaType type, String query, int page, int limit, UUID searchId, Status status,
                         List<Long> providerIds, Long total, boolean hasMore, ErrorCode errorCode,
                         String errorDetail, Instant answeredAt) {

    enum Status { RUNNING, DONE, FAILED }

    List<MediaKey> hits() {
        return providerIds.stream().map(id -> MediaKey.of(type, id)).toList();
    }
}
