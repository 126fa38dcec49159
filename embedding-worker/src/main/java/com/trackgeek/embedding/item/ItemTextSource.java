package com.trackgeek.embedding.item;

import com.trackgeek.contracts.MediaType;

import java.util.Collection;
import java.util.Map;

/** Builds the embedding texts of one media type from its stored rows. */
interface ItemTextSource {

    MediaType type();

    /**
     * The embedding text of every stored item among {@code providerIds}; ids not stored (yet) are absent.
     *
     * @param lockRows lock the rows against updates until the transaction ends, so that what is compared with
     *                 a computed hash cannot change before the sync state says "fresh"
     */
    Map<Long, EmbeddingText> load(Collection<Long> providerIds, boolean lockRows);
}
