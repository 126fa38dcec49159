package com.trackgeek.sync.provider;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;
import com.trackgeek.contracts.catalog.CatalogItem;

import java.util.Set;

/**
 * One external metadata source. Each provider is one package (client, response records, mapper) behind
 * this interface; the worker knows providers only through it, so adding one touches no other.
 */
public interface MetadataProvider {

    Provider provider();

    /** The media types this provider fetches; each must have a catalog record ({@link MediaType#catalogType()}). */
    Set<MediaType> mediaTypes();

    /**
     * Fetches everything we store about the item, within the provider's rate limits, as the item's catalog
     * record (the record {@link MediaType#catalogType()} names for {@code key.type()}).
     *
     * @throws ProviderException when the provider does not know the item, is unavailable, or answers
     *                           something that cannot be mapped
     */
    CatalogItem fetch(MediaKey key);
}
