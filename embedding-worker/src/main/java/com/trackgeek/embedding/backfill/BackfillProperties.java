package com.trackgeek.embedding.backfill;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Re-embedding the catalog when the worker starts with a model that does not cover it yet (a model switch).
 *
 * @param enabled        request the missing vectors at start
 * @param pageSize       items read and requested per page
 * @param lease          how long the replica that started the backfill holds it ({@code scheduled_lease}); other
 *                       replicas starting meanwhile skip it, so the low lane is not filled twice while it drains
 * @param publishTimeout longest wait for Kafka's acknowledgement of a page's requests
 */
@ConfigurationProperties("trackgeek.embedding.backfill")
record BackfillProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("500") int pageSize,
        @DefaultValue("30m") Duration lease,
        @DefaultValue("10s") Duration publishTimeout) {

    BackfillProperties {
        if (pageSize < 1 || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("invalid trackgeek.embedding.backfill: page size " + pageSize + ", lease " + lease);
        }
    }
}
