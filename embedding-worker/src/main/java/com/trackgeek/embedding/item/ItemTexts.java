package com.trackgeek.embedding.item;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.servicekit.items.MediaItemStore;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedding texts of stored items: each item's catalog record describes itself
 * ({@link com.trackgeek.contracts.catalog.CatalogItem#description()}), so this worker knows no media type's
 * fields and embeds every type.
 */
@Component
final class ItemTexts {

    private final MediaItemStore store;

    ItemTexts(MediaItemStore store) {
        this.store = store;
    }

    /**
     * Texts of the stored items among {@code items}; items not stored are absent.
     *
     * @param lockRows lock the rows against updates until the transaction ends, so that what is compared with
     *                 a computed hash cannot change before the sync state says "fresh"
     */
    Map<MediaKey, EmbeddingText> load(Collection<MediaKey> items, boolean lockRows) {
        Map<MediaKey, EmbeddingText> texts = new HashMap<>();
        store.load(items, lockRows).forEach((key, item) -> texts.put(key, EmbeddingText.of(item.description().toText())));
        return texts;
    }
}
