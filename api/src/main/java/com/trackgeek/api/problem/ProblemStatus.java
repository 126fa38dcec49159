package com.trackgeek.api.problem;

import com.trackgeek.contracts.ErrorCode;
import org.springframework.http.HttpStatus;

/**
 * The HTTP status each error code is answered with. The switch is exhaustive on purpose: a code added to
 * the contracts does not compile here until someone decides what callers see.
 */
public final class ProblemStatus {

    private ProblemStatus() {
    }

    public static HttpStatus of(ErrorCode code) {
        return switch (code) {
            case ANIME_NOT_FOUND, MANGA_NOT_FOUND, MOVIE_NOT_FOUND, TV_SHOW_NOT_FOUND, GAME_NOT_FOUND, BOOK_NOT_FOUND,
                 SYNC_REQUEST_NOT_FOUND, BULK_JOB_NOT_FOUND -> HttpStatus.NOT_FOUND;
            // A job id names one selector for good; a job's state allows only some changes (cancel, replay).
            case BULK_JOB_ID_CONFLICT, BULK_JOB_STATE_CONFLICT -> HttpStatus.CONFLICT;
            case ANIME_ALREADY_REFRESHED, MANGA_ALREADY_REFRESHED, MOVIE_ALREADY_REFRESHED, TV_SHOW_ALREADY_REFRESHED,
                 GAME_ALREADY_REFRESHED, BOOK_ALREADY_REFRESHED -> HttpStatus.CONFLICT;
            case JIKAN_SERVICE_UNAVAILABLE, TMDB_SERVICE_UNAVAILABLE, IGDB_SERVICE_UNAVAILABLE,
                 HARDCOVER_SERVICE_UNAVAILABLE, PIPELINE_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            // The provider's credentials are missing or refused: an operator's fix, not the caller's mistake.
            case JIKAN_NOT_CONFIGURED, TMDB_NOT_CONFIGURED, IGDB_NOT_CONFIGURED, HARDCOVER_NOT_CONFIGURED,
                 JIKAN_CREDENTIALS_REJECTED, TMDB_CREDENTIALS_REJECTED, IGDB_CREDENTIALS_REJECTED,
                 HARDCOVER_CREDENTIALS_REJECTED -> HttpStatus.SERVICE_UNAVAILABLE;
            // The embedding model (a hosted one) is unreachable, refuses our key or does not know the model configured,
            // or the model broke on the item's text: an operator's fix, as for a provider.
            case EMBEDDING_MODEL_NOT_FOUND, EMBEDDING_RATE_LIMITED, EMBEDDING_SERVICE_UNAVAILABLE,
                 EMBEDDING_CREDENTIALS_REJECTED, EMBEDDING_TEXT_REJECTED -> HttpStatus.SERVICE_UNAVAILABLE;
            // A type this deployment does not serve (yet): not the caller's mistake, and not forever.
            case MEDIA_TYPE_NOT_SUPPORTED -> HttpStatus.SERVICE_UNAVAILABLE;
            // The sync ran past its bound and was given up; trying again starts a new one.
            case SYNC_TIMED_OUT -> HttpStatus.SERVICE_UNAVAILABLE;
            case PROVIDER_PAYLOAD_INVALID, PROVIDER_DRIFT_REFUSED -> HttpStatus.BAD_GATEWAY;
            case API_KEY_MISSING, API_KEY_INVALID -> HttpStatus.UNAUTHORIZED;
            case API_KEY_SCOPE_MISSING -> HttpStatus.FORBIDDEN;
            case TOO_MANY_REQUESTS, QUOTA_EXCEEDED -> HttpStatus.TOO_MANY_REQUESTS;
            // A well-formed bulk selector the type's provider cannot list.
            case BULK_SELECTOR_NOT_SUPPORTED -> HttpStatus.UNPROCESSABLE_CONTENT;
            case INVALID_PARAMETER, INVALID_REQUEST, MALFORMED_MESSAGE -> HttpStatus.BAD_REQUEST;
            case INTERNAL_ERROR, UNKNOWN -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }
}
