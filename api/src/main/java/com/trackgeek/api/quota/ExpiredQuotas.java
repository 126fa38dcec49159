package com.trackgeek.api.quota;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code provider_budget} from filling up with the buckets of every address that ever read a missing item:
 * a bucket full again is deleted, as a new client's would be created. Every instance may run this; the delete
 * skips rows another holds.
 */
@Component
final class ExpiredQuotas {

    private static final Logger log = LoggerFactory.getLogger(ExpiredQuotas.class);
    private static final int BATCH = 1_000;
    private static final int MAX_BATCHES = 100;

    private final QuotaBuckets buckets;
    private final boolean enabled;

    ExpiredQuotas(QuotaBuckets buckets, QuotaProperties properties) {
        this.buckets = buckets;
        this.enabled = properties.enabled();
    }

    @Scheduled(initialDelayString = "${trackgeek.api.quota.sweep-interval:10m}",
            fixedDelayString = "${trackgeek.api.quota.sweep-interval:10m}")
    void deleteExpired() {
        if (!enabled) {
            return;
        }
        try {
            int deleted = 0;
            for (int batch = 0; batch < MAX_BATCHES; batch++) {
                int removed = buckets.removeExpired(BATCH);
                deleted += removed;
                if (removed < BATCH) {
                    break;
                }
            }
            if (deleted > 0) {
                log.info("Deleted {} clients' quota buckets that were full again", deleted);
            }
        } catch (RuntimeException e) { // Bucket4j wraps the SQLException
            log.warn("Could not delete expired quota buckets: {}", e.getMessage());
        }
    }
}
