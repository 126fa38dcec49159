package com.trackgeek.api.media;

import java.time.Instant;

/**
 * The item's sync state as callers see it, from {@code sync_state}.
 *
 * @param status syncing, pending_embeddings, fresh, stale or failed; null if the item has no sync state
 */
record SyncSummary(String status, Instant lastSyncedAt) {
}
