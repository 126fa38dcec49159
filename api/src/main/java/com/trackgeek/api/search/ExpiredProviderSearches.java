package com.trackgeek.api.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code provider_search} to the answers still in use: an expired row would be claimed anew by its next
 * search anyway, so a row past its lifetime only takes space. Every instance may run this; the delete is the
 * same whoever runs it.
 */
@Component
final class ExpiredProviderSearches {

    private static final Logger log = LoggerFactory.getLogger(ExpiredProviderSearches.class);

    private final ProviderSearchCache cache;

    ExpiredProviderSearches(ProviderSearchCache cache) {
        this.cache = cache;
    }

    @Scheduled(initialDelayString = "${trackgeek.api.search.purge-interval:1h}", fixedDelayString = "${trackgeek.api.search.purge-interval:1h}")
    void deleteExpired() {
        int deleted = cache.deleteExpired();
        if (deleted > 0) {
            log.info("Deleted {} expired provider search answers", deleted);
        }
    }
}
