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

    /** The stable error code reported for this provider's types while its credentials are missing. */
    public ErrorCode notConfigured() {
        return ErrorCode.valueOf(name() + "_NOT_CONFIGURED");
    }

    /** The stable error code reported when this provider refuses our credentials (HTTP 401/403). */
    public ErrorCode credentialsRejected() {
        return ErrorCode.valueOf(name() + "_CREDENTIALS_REJECTED");
    }
}
