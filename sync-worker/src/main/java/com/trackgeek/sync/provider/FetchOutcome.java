package com.trackgeek.sync.provider;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.catalog.CatalogItem;

import java.util.Objects;

/**
 * What a provider answered for one item of a batch ({@link MetadataProvider#fetchSeveral}): the item, or the
 * failure of that item alone (not found, a body that cannot be mapped).
 */
public record FetchOutcome(MediaKey key, CatalogItem item, ProviderException failure) {

    public FetchOutcome {
        Objects.requireNonNull(key, "key");
        if ((item == null) == (failure == null)) {
            throw new IllegalArgumentException("an outcome is either an item or a failure: " + key);
        }
    }

    public static FetchOutcome fetched(MediaKey key, CatalogItem item) {
        return new FetchOutcome(key, item, null);
    }

    public static FetchOutcome failed(MediaKey key, ProviderException failure) {
        return new FetchOutcome(key, null, failure);
    }

    public boolean succeeded() {
        return item != null;
    }

    /** The item, or its failure thrown: how a provider whose fetch is a batch of one answers {@code fetch}. */
    public CatalogItem itemOrThrow() {
        if (failure != null) {
            throw failure;
        }
        return item;
    }
}
