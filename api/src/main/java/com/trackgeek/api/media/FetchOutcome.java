package com.trackgeek.api.media;

/** How a read of an item ended, the {@code outcome} tag of {@code trackgeek.api.fetch}. */
enum FetchOutcome {
    CACHE_HIT,
    DB_HIT,
    /** known missing: the negative cache answered 404 without asking the provider */
    NEGATIVE_CACHE_HIT,
    /** not stored, synced while the caller waited */
    FETCHED,
    NOT_FOUND,
    /** the provider is unavailable */
    UNAVAILABLE,
    /** the provider answered something the worker could not use, or the worker failed */
    PROVIDER_ERROR,
    /** Kafka did not take the command */
    PIPELINE_UNAVAILABLE,
    /** the client used up its quota: 429, nothing published */
    QUOTA_EXCEEDED,
    /** the wait ended before the sync: 202 */
    ACCEPTED_202;

    String tag() {
        return name().toLowerCase();
    }
}
