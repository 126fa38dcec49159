package com.trackgeek.sync.provider.igdb;

import java.time.Instant;
import java.util.Objects;

/**
 * A Twitch app access token and when it stops working. Its value is a credential: {@link #toString()}
 * never shows it, so it cannot reach a log or an exception message by accident.
 */
record AccessToken(String value, Instant expiresAt) {

    AccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Still usable at {@code instant} (pass now plus the renewal margin). */
    boolean validAt(Instant instant) {
        return expiresAt.isAfter(instant);
    }

    boolean sameValue(AccessToken other) {
        return other != null && value.equals(other.value);
    }

    @Override
    public String toString() {
        return "AccessToken[value=<redacted>, expiresAt=" + expiresAt + "]";
    }
}
