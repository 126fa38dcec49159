package com.trackgeek.contracts;

/**
 * An external metadata source. Each media type is served by exactly one provider.
 */
public enum Provider {
    JIKAN,
    TMDB,
    IGDB,
    HARDCOVER;

    /** The stable error code reported when this provider is down, timing out or short-circuited. */
    public ErrorCode serviceUnavailable() {
        return ErrorCode.valueOf(name() + "_SERVICE_UNAVAILABLE");
    }
}
