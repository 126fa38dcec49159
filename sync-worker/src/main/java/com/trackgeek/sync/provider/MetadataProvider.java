package com.trackgeek.sync.provider;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;
import com.trackgeek.sync.media.FetchedItem;

import java.util.Set;

/**
 * One external metadata source. Each provider is one package (client, response records, mapper) behind
 * this interface; the worker knows providers only through it, so adding one touches no other.
 */
public interface MetadataProvider {

    Provider provider();

    Set<MediaType> mediaTypes();

    /**
     * Fetches everything we store about the item, within the provider's rate limits.
     *
     * @throws ProviderException when the provider does not know the item, is unavailable, or answers
     *                           something that cannot be mapped
     */
    FetchedItem fetch(MediaKey key);
}
