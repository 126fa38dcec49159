package com.trackgeek.sync.provider;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One page of the ids a provider lists for a bulk selector, in the provider's order, each id once. {@code total}
 * is the provider's count of the whole list where it says one (Jikan, TMDB), else null; {@code hasMore} says
 * whether the next page number can hold more ids. A page may be empty while {@code hasMore} is true (IGDB's
 * catalog pages are id ranges, some of which hold no game): the caller goes on until {@code hasMore} is false.
 */
public record IdPage(List<Long> ids, Long total, boolean hasMore) {

    public IdPage {
        ids = List.copyOf(Objects.requireNonNull(ids, "ids"));
    }

    /** The ids once each, first place kept: providers such as Jikan repeat an entry within a page. */
    public static List<Long> distinct(List<Long> ids) {
        return new ArrayList<>(new LinkedHashSet<>(ids));
    }
}
