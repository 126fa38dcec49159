package com.trackgeek.embedding.item;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The embedding texts of items of any media type that has a {@link ItemTextSource}. */
@Component
final class ItemTexts {

    private final Map<MediaType, ItemTextSource> sources = new EnumMap<>(MediaType.class);

    ItemTexts(List<ItemTextSource> sources) {
        sources.forEach(source -> this.sources.put(source.type(), source));
    }

    boolean supports(MediaType type) {
        return sources.containsKey(type);
    }

    /** Texts of the stored items among {@code items}; items of unsupported types or not stored are absent. */
    Map<MediaKey, EmbeddingText> load(Collection<MediaKey> items, boolean lockRows) {
        Map<MediaType, List<Long>> idsByType = new EnumMap<>(MediaType.class);
        for (MediaKey item : items) {
            if (supports(item.type())) {
                idsByType.computeIfAbsent(item.type(), type -> new ArrayList<>()).add(item.id());
            }
        }
        Map<MediaKey, EmbeddingText> texts = new HashMap<>();
        idsByType.forEach((type, ids) -> sources.get(type).load(ids, lockRows)
                .forEach((id, text) -> texts.put(MediaKey.of(type, id), text)));
        return texts;
    }
}
