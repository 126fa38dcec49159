package com.trackgeek.api.media;

import com.trackgeek.contracts.SyncStatus;
import com.trackgeek.servicekit.items.CatalogJson;
import com.trackgeek.servicekit.items.StoredItem;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.time.Instant;

/**
 * Turns a stored item into the bytes of its 200: the catalog record's JSON, written by the catalog's own
 * mapper so the body has the stored document's format whatever this service's HTTP JSON settings are,
 * followed by the fields of {@link ItemMetadata}. Generic over media types: nothing here knows a type's
 * fields.
 *
 * <p>The two objects are joined as bytes rather than merged as trees: a tree would re-read every number,
 * and may normalise one (a score of {@code 9.10} must stay {@code 9.10}).
 *
 * <p>An item that turns stale later gets both answers now (the record is serialized once for both), so that the
 * cache can switch at {@code stale_after} by itself. Gone beats stale: nothing refreshes a gone item.
 */
@Component
final class ItemRenderer {

    private final JsonMapper json = CatalogJson.mapper();

    ReadyAnswers render(StoredItem stored, Instant now) {
        byte[] item = json.writeValueAsBytes(stored.item());
        if (SyncStatus.GONE.value().equals(stored.syncStatus()) || stored.goneAt() != null) {
            return ReadyAnswers.always(answer(item, stored, Freshness.GONE));
        }
        if (SyncStatus.STALE.value().equals(stored.syncStatus())) {
            return ReadyAnswers.always(answer(item, stored, Freshness.STALE));
        }
        if (stored.staleAfter() == null) {
            // Stored before freshness existed: not stale for readers; the worker's sweeper computes its time.
            return ReadyAnswers.always(answer(item, stored, Freshness.CURRENT));
        }
        ReadyItem untilStale = now.isBefore(stored.staleAfter()) ? answer(item, stored, Freshness.CURRENT) : null;
        return new ReadyAnswers(untilStale, stored.staleAfter(), answer(item, stored, Freshness.STALE));
    }

    private ReadyItem answer(byte[] item, StoredItem stored, Freshness freshness) {
        var sync = new SyncSummary(stored.syncStatus(), stored.lastSyncedAt(), stored.staleAfter(),
                freshness == Freshness.STALE, freshness == Freshness.GONE, stored.goneAt());
        byte[] metadata = json.writeValueAsBytes(new ItemMetadata(stored.lastRefreshedAt(), stored.createdAt(),
                stored.updatedAt(), sync));
        return ReadyItem.of(join(item, metadata), freshness);
    }

    /** {@code {"a":1}} and {@code {"b":2}} make {@code {"a":1,"b":2}}; both are objects without whitespace. */
    private static byte[] join(byte[] first, byte[] second) {
        boolean firstEmpty = first.length == 2;
        var body = new ByteArrayOutputStream(first.length + second.length);
        body.write(first, 0, first.length - 1);
        if (!firstEmpty) {
            body.write(',');
        }
        body.write(second, 1, second.length - 1);
        return body.toByteArray();
    }
}
