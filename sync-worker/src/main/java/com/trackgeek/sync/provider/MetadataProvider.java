package com.trackgeek.sync.provider;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;
import com.trackgeek.contracts.bulk.BulkSelector;
import com.trackgeek.contracts.catalog.CatalogItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One external metadata source. Each provider is one package (client, response records, mapper) behind
 * this interface; the worker knows providers only through it, so adding one touches no other.
 */
public interface MetadataProvider {

    Provider provider();

    /** The media types this provider fetches; each must have a catalog record ({@link MediaType#catalogType()}). */
    Set<MediaType> mediaTypes();

    /**
     * The settings (by their environment variable names) this provider still needs before it can call the
     * provider, e.g. {@code TRACKGEEK_PROVIDERS_TMDB_API_KEY}; empty when it is ready. While it is not empty
     * the worker fails the provider's commands with {@link Provider#notConfigured()} before any call. The
     * names only, never a value.
     */
    default List<String> missingSettings() {
        return List.of();
    }

    /**
     * Fetches everything we store about the item, within the provider's rate limits, as the item's catalog
     * record (the record {@link MediaType#catalogType()} names for {@code key.type()}).
     *
     * @throws ProviderException when the provider does not know the item, is unavailable, or answers
     *                           something that cannot be mapped
     */
    CatalogItem fetch(MediaKey key);

    /** How many ids {@link #fetchSeveral} sends in one provider call; 1 where the provider has no batch form. */
    default int batchSize() {
        return 1;
    }

    /**
     * Fetches several items of one type, in as few provider calls as the provider allows (IGDB and Hardcover
     * take many ids per query). Each id gets its own outcome, in the order asked: an id the provider does not
     * return is not found, and a body one item of which cannot be mapped fails that item only.
     *
     * @throws ProviderException when the provider is unavailable for the whole batch
     */
    default List<FetchOutcome> fetchSeveral(MediaType type, List<Long> ids) {
        List<FetchOutcome> outcomes = new ArrayList<>(ids.size());
        for (long id : ids) {
            MediaKey key = MediaKey.of(type, id);
            try {
                outcomes.add(FetchOutcome.fetched(key, fetch(key)));
            } catch (ProviderException failure) {
                if (failure.code() != type.notFound() && failure.code() != com.trackgeek.contracts.ErrorCode.PROVIDER_PAYLOAD_INVALID) {
                    throw failure;
                }
                outcomes.add(FetchOutcome.failed(key, failure));
            }
        }
        return outcomes;
    }

    /**
     * The provider's own search for {@code query}, page {@code page} (from 1) of at most {@code limit} hits of
     * {@code type}, through the same gateway, rate limit and budget as fetches and with the same failure codes.
     * The hits are partial items: what the search answer carries, nothing invented.
     *
     * @throws ProviderException when the provider is off, unavailable, refuses our credentials, or answers
     *                           something that cannot be mapped ({@code PROVIDER_PAYLOAD_INVALID})
     */
    SearchPage search(MediaType type, String query, int page, int limit);

    /**
     * The names of the provider's top lists of {@code type}, for {@link BulkSelector.TopList#list()}; empty when it
     * has none.
     */
    default Set<String> topLists(MediaType type) {
        return Set.of();
    }

    /**
     * Page {@code page} (from 1) of the ids {@code selector} names, as large as one provider call allows, through
     * the same gateway, rate limit and budget as fetches. A {@link BulkSelector.Ids} is never asked (the bulk
     * engine has its ids); a season, a top list or a catalog the provider cannot list fails with
     * {@code BULK_SELECTOR_NOT_SUPPORTED} before any call.
     *
     * @throws ProviderException {@code BULK_SELECTOR_NOT_SUPPORTED}, or the codes of {@link #fetch} when the
     *                           provider is off, unavailable, or answers something that cannot be read
     */
    default IdPage listIds(BulkSelector selector, int page) {
        throw notListable(selector);
    }

    /** The provider's list of what changed upstream, where it has one; empty: its items are refreshed by timers only. */
    default Optional<ChangeFeed> changeFeed() {
        return Optional.empty();
    }

    /** The failure of a selector this provider cannot list, naming what it can. */
    default ProviderException notListable(BulkSelector selector) {
        String lists = mediaTypes().stream().sorted()
                .map(type -> type + " " + (topLists(type).isEmpty() ? "[]" : new TreeSet<>(topLists(type))))
                .collect(Collectors.joining(", "));
        return ProviderException.selectorNotSupported(provider(), "cannot list " + selector + "; its top lists: " + lists);
    }
}
