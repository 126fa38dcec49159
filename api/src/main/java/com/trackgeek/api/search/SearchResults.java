package com.trackgeek.api.search;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * One page of a search as the caller gets it: summaries, not whole items (a hit links to its item at
 * {@code /api/v1/{type}/{id}}).
 *
 * @param total            how many hits there are in all, as far as known
 * @param providerIncluded whether a provider's own search contributed to this page
 */
record SearchResults(String query, int page, int limit, long total, boolean providerIncluded, List<Hit> items) {

    /** Where a hit came from. */
    static final String FROM_DATABASE = "database";

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
               @Schema(allowableValues = {"database", "provider"}, description = "where the hit came from")
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
}
