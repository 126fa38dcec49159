package com.trackgeek.sync.provider;

import com.trackgeek.contracts.catalog.CatalogItem;

import java.util.List;
import java.util.Objects;

/**
 * One page of a provider's own search, in the provider's ranking: each hit is a partial catalog record holding
 * only what the search answer carries (lists the answer lacks are empty, values it lacks null), never a full
 * item. {@code total} is the provider's count of all hits where it says one (Jikan, TMDB), else null (IGDB,
 * Hardcover); {@code hasMore} says whether a next page exists, by the provider's word or, without one, by this
 * page being full.
 */
public record SearchPage(List<CatalogItem> items, Long total, boolean hasMore) {

    public SearchPage {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }
}
