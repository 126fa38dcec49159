package com.trackgeek.api.quota;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How many requests that spend provider budget (a read of an item not stored, a provider search, a refresh, a bulk
 * sync or its replay) each client may make: a token bucket per client of {@code keyed} or {@code anonymous} tokens,
 * refilled gradually over {@code period}, shared by every api instance (kept in PostgreSQL). A key's own limit is
 * {@code trackgeek.api.security.keys[i].quota}.
 *
 * @param enabled       false: nothing is limited (nor read from or written to PostgreSQL for it)
 * @param period        the period the limits are per; also how long a client that used up its tokens waits at most
 * @param keyed         requests per period of a client with an API key (also its burst)
 * @param anonymous     requests per period of one address without a key (also its burst)
 * @param sweepInterval how often the buckets of clients that have not spent anything for a period (full again, so
 *                      no different from a new one) are deleted
 */
@ConfigurationProperties("trackgeek.api.quota")
record QuotaProperties(@DefaultValue("true") boolean enabled,
                       @DefaultValue("1m") Duration period,
                       @DefaultValue("120") int keyed,
                       @DefaultValue("30") int anonymous,
                       @DefaultValue("10m") Duration sweepInterval) {

    QuotaProperties {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalStateException("trackgeek.api.quota.period must be positive, was " + period);
        }
        if (keyed < 1 || anonymous < 1) {
            throw new IllegalStateException("trackgeek.api.quota.keyed and .anonymous must be at least 1 (to stop"
                    + " spending altogether, set trackgeek.api.search.provider-fallback=false or configure no"
                    + " provider), were " + keyed + " and " + anonymous);
        }
    }
}
