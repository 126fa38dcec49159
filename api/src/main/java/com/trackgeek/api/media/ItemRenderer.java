package com.trackgeek.api.media;

import com.trackgeek.servicekit.items.CatalogJson;
import com.trackgeek.servicekit.items.StoredItem;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;

/**
 * Turns a stored item into the bytes of its 200: the catalog record's JSON, written by the catalog's own
 * mapper so the body has the stored document's format whatever this service's HTTP JSON settings are,
 * followed by the fields of {@link ItemMetadata}. Generic over media types: nothing here knows a type's
 * fields.
 *
 * <p>The two objects are joined as bytes rather than merged as trees: a tree would re-read every number,
 * and may normalise one (a score of {@code 9.10} must stay {@code 9.10}).
 */
@Component
final class ItemRenderer {

    private final JsonMapper json = CatalogJson.mapper();

    ReadyItem render(StoredItem stored) {
        byte[] item = json.writeValueAsBytes(stored.item());
        byte[] metadata = json.writeValueAsBytes(new ItemMetadata(stored.lastRefreshedAt(), stored.createdAt(),
                stored.updatedAt(), new SyncSummary(stored.syncStatus(), stored.lastSyncedAt())));
        return ReadyItem.of(join(item, metadata));
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
