package com.trackgeek.contracts;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

import java.util.Arrays;

/**
 * Stable error codes: the {@code code} of every problem detail the API answers with, the reason of
 * every failed sync. The type and provider codes are kept from the original service.
 */
public enum ErrorCode {
    ANIME_NOT_FOUND,
    MANGA_NOT_FOUND,
    MOVIE_NOT_FOUND,
    TV_SHOW_NOT_FOUND,
    GAME_NOT_FOUND,
    BOOK_NOT_FOUND,

    ANIME_ALREADY_REFRESHED,
    MANGA_ALREADY_REFRESHED,
    MOVIE_ALREADY_REFRESHED,
    TV_SHOW_ALREADY_REFRESHED,
    GAME_ALREADY_REFRESHED,
    BOOK_ALREADY_REFRESHED,

    JIKAN_SERVICE_UNAVAILABLE,
    TMDB_SERVICE_UNAVAILABLE,
    IGDB_SERVICE_UNAVAILABLE,
    HARDCOVER_SERVICE_UNAVAILABLE,

    /** The provider's credentials are not configured in this deployment; its types are off until they are. */
    JIKAN_NOT_CONFIGURED,
    TMDB_NOT_CONFIGURED,
    IGDB_NOT_CONFIGURED,
    HARDCOVER_NOT_CONFIGURED,

    /** The provider refused our credentials (a bad key or token): an operator must fix the configuration. */
    JIKAN_CREDENTIALS_REJECTED,
    TMDB_CREDENTIALS_REJECTED,
    IGDB_CREDENTIALS_REJECTED,
    HARDCOVER_CREDENTIALS_REJECTED,

    /** A path or query parameter that cannot be a valid value (e.g. a non-numeric or negative id). */
    INVALID_PARAMETER,
    /** A request body or query that fails validation. */
    INVALID_REQUEST,
    /** No sync request has the given id. */
    SYNC_REQUEST_NOT_FOUND,
    /** The provider answered, but with a body we cannot map (missing required fields, wrong shape). */
    PROVIDER_PAYLOAD_INVALID,
    /**
     * A refresh the drift alarm refused: the provider's answer would lose data the stored item has (titles, genres,
     * counts, a known status), or the provider's alarm is tripped. The stored item is kept as it was.
     */
    PROVIDER_DRIFT_REFUSED,
    /** A message that cannot be read or is of an unsupported schema version; it goes to a dead-letter topic. */
    MALFORMED_MESSAGE,
    /** The media type is valid but not synced by this deployment yet. */
    MEDIA_TYPE_NOT_SUPPORTED,
    /**
     * A bulk selector the type's provider cannot list (a season of a type without seasons, a top list it does not
     * have, a catalog it cannot list affordably or not in this deployment's configuration): a 422, not an outage.
     */
    BULK_SELECTOR_NOT_SUPPORTED,
    /** No bulk job has the given id. */
    BULK_JOB_NOT_FOUND,
    /** A bulk job with this id exists with another selector: a job id names one selector for good. */
    BULK_JOB_ID_CONFLICT,
    /** The bulk job cannot do what was asked in its state (cancel a finished job, replay one still expanding). */
    BULK_JOB_STATE_CONFLICT,
    /** A sync request stayed running past its bound and every takeover failed; the next read starts a new one. */
    SYNC_TIMED_OUT,
    /** A request that needs an API key came without one. */
    API_KEY_MISSING,
    /** The API key sent is not one this deployment knows. */
    API_KEY_INVALID,
    /** The API key is known but lacks the scope the request needs. */
    API_KEY_SCOPE_MISSING,
    /** The client (its API key) asked for work faster than its limit allows; {@code Retry-After} says when to resume. */
    TOO_MANY_REQUESTS,
    /**
     * The client (its API key, or its address when it sent none) has used up its quota of requests that spend
     * provider budget (reads of items not stored, provider searches, refreshes, bulk syncs); {@code Retry-After}
     * says when it has one again. Stored items are still answered.
     */
    QUOTA_EXCEEDED,
    /** Kafka or PostgreSQL could not accept the work; nothing was promised to the caller. */
    PIPELINE_UNAVAILABLE,
    /** Something failed that is not the caller's fault. */
    INTERNAL_ERROR,

    /** The hosted embedding model named in the configuration does not exist there (or not for embeddings). */
    EMBEDDING_MODEL_NOT_FOUND,
    /** The hosted embedding service kept answering 429 after every retry its Retry-After allowed. */
    EMBEDDING_RATE_LIMITED,
    /** The hosted embedding service failed (5xx, timeout, unreadable answer) after every retry. */
    EMBEDDING_SERVICE_UNAVAILABLE,
    /** The hosted embedding service refused our key: an operator must fix the configuration. */
    EMBEDDING_CREDENTIALS_REJECTED,
    /** The embedding model could not embed this item's text (it refused or broke on it); other items go on. */
    EMBEDDING_TEXT_REJECTED,

    /** A code from a newer producer that this reader does not know yet. */
    @JsonEnumDefaultValue
    UNKNOWN;

    /**
     * The code stored under {@code name}, or {@link #UNKNOWN} for a code a newer version wrote (or null): a
     * reader must never fail on a value it does not know yet.
     */
    public static ErrorCode parse(String name) {
        return Arrays.stream(values()).filter(code -> code.name().equals(name)).findFirst().orElse(UNKNOWN);
    }
}
