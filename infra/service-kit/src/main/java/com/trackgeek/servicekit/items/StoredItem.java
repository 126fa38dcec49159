package com.trackgeek.servicekit.items;

import com.trackgeek.contracts.catalog.CatalogItem;

import java.time.Instant;

/**
 * A stored item with what the store knows about it besides the provider's data.
 *
 * @param partial      true while the item is only a provider's search hit (see {@link MediaItemStore#upsertPartial})
 * @param syncStatus   the item's {@code sync_state.status}, or null if it has none
 * @param lastSyncedAt when it was last stored by a successful sync, or null
 * @param staleAfter   when it becomes stale under its freshness rule ({@code sync_state.stale_after}), or null while
 *                     not computed (stored before V10)
 * @param goneAt       when its provider first answered 404 for it ({@code sync_state.gone_at}), or null
 */
public record StoredItem(CatalogItem item, boolean partial, Instant lastRefreshedAt, Instant createdAt, Instant updatedAt,
                         String syncStatus, Instant lastSyncedAt, Instant staleAfter, Instant goneAt) {
}
