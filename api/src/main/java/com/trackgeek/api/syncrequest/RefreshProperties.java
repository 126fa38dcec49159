package com.trackgeek.api.syncrequest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Refreshes of stored items: asked for by a person ({@code POST .../refresh}) or queued in the background when a
 * reader meets a stale item.
 *
 * @param guard             an item synced less than this long ago is not refreshed on request (409
 *                          {@code <TYPE>_ALREADY_REFRESHED}): a refresh spends provider budget, and a day-old item
 *                          rarely differs
 * @param backgroundPause   after this instance queued a background refresh of a stale item (or found one queued),
 *                          it does not try again for that item for this long, however often it is read: the
 *                          database's one-active-request rule is the real guard, this only spares it the inserts
 */
@ConfigurationProperties("trackgeek.api.refresh")
record RefreshProperties(
        @DefaultValue("24h") Duration guard,
        @DefaultValue("5m") Duration backgroundPause) {

    RefreshProperties {
        if (guard.isNegative()) {
            throw new IllegalArgumentException("trackgeek.api.refresh.guard must not be negative, was " + guard);
        }
        if (backgroundPause.isNegative() || backgroundPause.isZero()) {
            throw new IllegalArgumentException("trackgeek.api.refresh.background-pause must be positive, was "
                    + backgroundPause);
        }
    }
}
