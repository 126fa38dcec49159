package com.trackgeek.contracts.bulk;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a bulk job is ({@code bulk_job.status}). A job is {@link #QUEUED} when the API has recorded it and the
 * worker has not yet taken its command, {@link #EXPANDING} while its selector is being listed page by page (its
 * first items are already being fetched), {@link #RUNNING} once every item is known and some are still pending,
 * and ends {@link #DONE} (every item has an outcome, failures included), {@link #CANCELLED} or {@link #FAILED}
 * (the selector itself could not be listed, e.g. {@code BULK_SELECTOR_NOT_SUPPORTED}).
 */
public enum BulkJobStatus {
    QUEUED, EXPANDING, RUNNING, DONE, CANCELLED, FAILED;

    /** The value stored in the database and shown to callers. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinished() {
        return this == DONE || this == CANCELLED || this == FAILED;
    }

    /** Empty for a value this version does not know (a newer writer's). */
    public static Optional<BulkJobStatus> parse(String value) {
        return Arrays.stream(values()).filter(status -> status.value().equals(value)).findFirst();
    }
}
