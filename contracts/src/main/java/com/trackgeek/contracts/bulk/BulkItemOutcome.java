package com.trackgeek.contracts.bulk;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What became of one item of a bulk job ({@code bulk_job_item.outcome}; null while the item is pending). An
 * outcome is written once, in the transaction that stores the item, and only over a pending item: so progress
 * never goes backwards and a redelivered batch never stores an item twice. Only a replay of the failed items
 * ({@code retry-failed}) makes a {@link #FAILED} item pending again.
 */
public enum BulkItemOutcome {
    /** Fetched and stored: new, or different from what was stored. */
    STORED,
    /** Fetched; the provider's data was what we had stored already. */
    UNCHANGED,
    /** Stored recently enough to count as fresh: no provider call. */
    SKIPPED_FRESH,
    /** The provider does not know the id. */
    NOT_FOUND,
    /** The fetch failed; {@code error_code} says why. */
    FAILED,
    /** The job was cancelled before the item's turn. */
    CANCELLED;

    /** The value stored in the database and shown to callers. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Empty for a value this version does not know (a newer writer's). */
    public static Optional<BulkItemOutcome> parse(String value) {
        return Arrays.stream(values()).filter(outcome -> outcome.value().equals(value)).findFirst();
    }
}
