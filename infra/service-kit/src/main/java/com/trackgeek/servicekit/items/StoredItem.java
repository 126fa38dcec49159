package com.trackgeek.servicekit.items;

import com.trackgeek.contracts.catalog.CatalogItem;

import java.time.Instant;

/**
 * A stored item with what the store knows about it besides the provider's data.
 *
 * @param partial      true while the item is only a provider's search hit (see {@link MediaItemStore#upsertPartial})
 * @param syncStatus   the item's {@code sync_state.status}, or null if it has none
 * @param lastSyncedAt when it was last stored by a successful sync, or null
 */
public record StoredItem(CatalogItem item, boolean partial, Instant lastRefreshedAt, Instant createdAt, Instant updatedAt,
                         String syncStatus, Instant lastSyncedAt) {
}
