package com.trackgeek.api.media;

import java.time.Instant;

/**
 * What the body of an item adds after its catalog record's fields: when the row was written and where the
 * item's sync stands. Its components are both the JSON written and the schema documented, so the two agree.
 *
 * @param lastRefreshedAt when the provider's data was last written
 * @param createdAt       when the item was first stored
 * @param updatedAt       when the row last changed
 */
record ItemMetadata(Instant lastRefreshedAt, Instant createdAt, Instant updatedAt, SyncSummary sync) {
}
