package com.trackgeek.contracts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a sync request is ({@code sync_request.status}). Every accepted request ends {@link #DONE} or
 * {@link #FAILED}; {@link #QUEUED} and {@link #RUNNING} are active, and at most one request per item is.
 */
public enum RequestStatus {
    QUEUED, RUNNING, DONE, FAILED;

    /** The value stored in the database and shown to callers. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }

    /** Empty for a value this version does not know (a newer writer's). */
    public static Optional<RequestStatus> parse(String value) {
        return Arrays.stream(values()).filter(status -> status.value().equals(value)).findFirst();
    }
}
