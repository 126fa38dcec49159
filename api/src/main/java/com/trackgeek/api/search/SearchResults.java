package com.trackgeek.api.search;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * One page of a search as the caller gets it: summaries, not whole items (a hit links to its item at
 * {@code /api/v1/{type}/{id}}).
 *
 * @param total            how many hits there are in all, where known: the database's count when it answered
 *                         alone; with providers, the larger of it and the providers' counts added up; where a
 *                         provider gives no count (IGDB, Hardcover), the hits up to the last page once it is
 *                         reached, null before
 * @param totalExact       false when {@code total} is a lower bound: the database counts matches only so far (500
 *                         substring matches, 100 word-similar ones), so a very common word says "at least"
 * @param hasMore          whether a next page has hits, by the database's count or a provider's word
 * @param providerIncluded whether a provider's search contributed to this page
 * @param providerMissing  whether a provider's part was wanted (the database had too few good hits) but is
 *                         missing: failed, or not answered within the bound; the page then holds the
 *                         database's hits only, and {@code providers} says why
 * @param providers        each type's provider part when one was wanted; empty when the database sufficed
 */
record SearchResults(String query, int page, int limit, Long total, boolean totalExact, boolean hasMore, boolean providerIncluded,
                     boolean providerMissing, List<Provider> providers, List<Hit> items) {

    /** Where a hit came from. */
    static final String FROM_DATABASE = "database";
    static final String FROM_PROVIDER = "provider";

    /**
     * An item as a search shows it.
     *
     * @param type              the media type's path segment (anime, manga, movie, tv, game, book)
     * @param alternativeTitles every other name the item is known by, all scripts
     * @param year              the year it came out, as far as known
     * @param image             its main picture as a full URL, or null
     * @param status            the provider's status wording ("Finished Airing", "Released", ...), or null
     */
    record Hit(long id, String type, String title, List<String> alternativeTitles, Integer year, String image,
               String status, Sync sync,
               @Schema(allowableValues = {"database", "provider"}, description = "where the hit came from: the"
                       + " stored items' title search, or a provider's search (stored as an item since, partial"
                       + " until its full fetch)")
               String source) {
    }

    /**
     * The item's sync state.
     *
     * @param status  syncing, pending_embeddings, fresh, stale or failed; null if the item has no sync state
     * @param partial true while the item is only a provider's search hit, not fully fetched yet
     */
    record Sync(String status, Instant lastSyncedAt, boolean partial) {
    }

    /**
     * One type's provider part.
     *
     * @param type     the media type's path segment
     * @param provider jikan, tmdb, igdb or hardcover
     * @param code     why it is missing ({@code <PROVIDER>_SERVICE_UNAVAILABLE}, {@code <PROVIDER>_NOT_CONFIGURED},
     *                 {@code PIPELINE_UNAVAILABLE}, ..., {@code QUOTA_EXCEEDED}), when it failed or was not asked
     */
    record Provider(String type, String provider,
                    @Schema(allowableValues = {"answered", "cached", "failed", "timed_out", "quota_exceeded"},
                            description = "answered:"
                            + " the provider was asked for this search; cached: an identical search's answer of the"
                            + " last 24 h, no provider call; failed: see code and detail; timed_out: no answer within"
                            + " the search's bound (it still comes, for the next identical search); quota_exceeded:"
                            + " not asked, the client used up its quota of requests that spend provider budget (code"
                            + " QUOTA_EXCEEDED, the detail says when to try again)")
                    String outcome,
                    String code, String detail, Instant answeredAt) {
    }
}
