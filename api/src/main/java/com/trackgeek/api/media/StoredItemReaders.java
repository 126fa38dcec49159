package com.trackgeek.api.media;

import com.trackgeek.contracts.MediaType;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The readers of the media types this deployment serves. */
@Component
final class StoredItemReaders {

    private final Map<MediaType, StoredItemReader> byType = new EnumMap<>(MediaType.class);

    StoredItemReaders(List<StoredItemReader> readers) {
        for (StoredItemReader reader : readers) {
            if (byType.put(reader.type(), reader) != null) {
                throw new IllegalStateException("two readers for " + reader.type());
            }
        }
    }

    Optional<StoredItemReader> forType(MediaType type) {
        return Optional.ofNullable(byType.get(type));
    }

    Set<MediaType> supported() {
        return byType.keySet();
    }
}
