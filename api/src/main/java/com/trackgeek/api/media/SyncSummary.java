package com.trackgeek.api.media;

import java.time.Instant;

/**
 * The item's sync state as callers see it, from {@code sync_state}, read with the item in one query.
 *
 * @param status     syncing, pending_embeddings, fresh, stale, failed or gone, as stored; null if the item has no
 *                   sync state
 * @param staleAfter when the item becomes stale under its freshness rule; null while not computed (an item stored
 *                   before freshness existed, which counts as not stale until the worker computes it)
 * @param stale      true when this answer is past {@code staleAfter} (or the status is stale): the stored data is
 *                   served as it is and a refresh is queued in the background
 * @param gone       true when the provider no longer has the item: its last data is served, nothing refreshes it
 * @param goneAt     when the provider first answered 404 for it, or null
 */
record SyncSummary(String status, Instant lastSyncedAt, Instant staleAfter, boolean stale, boolean gone,
                   Instant goneAt) {
}
