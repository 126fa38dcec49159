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
 * fields and embeds every type that has a catalog record.
 */
@Component
final class ItemTexts {

    private final MediaItemStore store;

    ItemTexts(MediaItemStore store) {
        this.store = store;
    }

    boolean supports(MediaType type) {
        return type.catalogType().isPresent();
    }

    /**
     * Texts of the stored items among {@code items}; items of unsupported types or not stored are absent.
     *
     * @param lockRows lock the rows against updates until the transaction ends, so that what is compared with
     *                 a computed hash cannot change before the sync state says "fresh"
     */
    Map<MediaKey, EmbeddingText> load(Collection<MediaKey> items, boolean lockRows) {
        List<MediaKey> supported = items.stream().filter(item -> supports(item.type())).toList();
        Map<MediaKey, EmbeddingText> texts = new HashMap<>();
        store.load(supported, lockRows).forEach((key, item) -> texts.put(key, EmbeddingText.of(item.description().toText())));
        return texts;
    }
}
