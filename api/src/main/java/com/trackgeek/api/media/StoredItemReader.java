package com.trackgeek.api.media;

import com.trackgeek.contracts.MediaType;

import java.util.Optional;

/**
 * Reads one media type's stored items. A media type is served by the API as soon as a reader for it exists;
 * the others answer {@code MEDIA_TYPE_NOT_SUPPORTED}.
 */
public interface StoredItemReader {

    MediaType type();

    Optional<StoredItem> find(long providerId);
}
