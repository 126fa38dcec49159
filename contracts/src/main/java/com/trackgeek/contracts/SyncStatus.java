package com.trackgeek.contracts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an item is in its sync lifecycle ({@code sync_state.status}): {@code syncing} → {@code
 * pending_embeddings} (stored, vector not yet computed) → {@code fresh}; {@code stale} once its freshness
 * rule says so; {@code failed} when its last sync failed; {@code gone} when the provider no longer has an item
 * we hold (its data is kept and served, marked gone, and no longer refreshed but rarely re-checked).
 */
public enum SyncStatus {
    SYNCING, PENDING_EMBEDDINGS, FRESH, STALE, FAILED, GONE;

    /** The value stored in the database and shown to callers. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Empty for a value this version does not know (a newer writer's). */
    public static Optional<SyncStatus> parse(String value) {
        return Arrays.stream(values()).filter(status -> status.value().equals(value)).findFirst();
    }
}
