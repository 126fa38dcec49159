package com.trackgeek.api.search;

import com.trackgeek.contracts.MediaType;

/** What one type's provider contributed to a search: its answer, how it was got, or why it is missing. */
record ProviderPart(MediaType type, Outcome outcome, ProviderSearchRow row) {

    enum Outcome {
        /** The provider was asked for this search (or for an identical one running at the same time). */
        ANSWERED,
        /** An identical search's answer, from the shared cache: no provider call. */
        CACHED,
        /** The provider (or the way to it) failed; the row says with which code. */
        FAILED,
        /** No answer within the search's bound; it is still coming and will serve the next identical search. */
        TIMED_OUT,
        /**
         * Not asked: the client used up its quota of requests that spend provider budget. The row is not the
         * cache's, only the reason (code {@code QUOTA_EXCEEDED}) and when to try again.
         */
        QUOTA_EXCEEDED;

        boolean hasHits() {
            return this == ANSWERED || this == CACHED;
        }
    }
}
