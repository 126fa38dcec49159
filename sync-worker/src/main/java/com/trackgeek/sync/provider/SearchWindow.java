package com.trackgeek.sync.provider;

import com.trackgeek.contracts.catalog.CatalogItem;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Our page of a search out of a provider's pages of another size. Our page {@code page} of {@code limit} holds
 * the hits from {@code (page - 1) * limit} on; a provider whose pages hold {@code pageSize} (TMDB always 20,
 * Jikan at most 25) has them on one or a few of its pages, which are asked in order and cut to the window, so
 * no hit is skipped or shown twice from one page to the next whatever the limit.
 */
public final class SearchWindow {

    private SearchWindow() {
    }

    /**
     * @param providerPage asks the provider for its page {@code n} (from 1), every hit on it mapped
     * @return the window's hits; the total of the last provider page asked; more if hits follow the window
     */
    public static SearchPage collect(int page, int limit, int pageSize, IntFunction<SearchPage> providerPage) {
        if (page < 1 || limit < 1 || pageSize < 1) {
            throw new IllegalArgumentException("page, limit and page size must be positive, were " + page + ", " + limit + ", " + pageSize);
        }
        long offset = (long) (page - 1) * limit;
        long first = offset / pageSize + 1;
        long last = (offset + limit - 1) / pageSize + 1;
        List<CatalogItem> hits = new ArrayList<>(limit);
        Long total = null;
        boolean more = false;
        for (long number = first; number <= last; number++) {
            SearchPage answer = providerPage.apply(Math.toIntExact(number));
            int skip = number == first ? (int) (offset % pageSize) : 0;
            List<CatalogItem> items = answer.items();
            for (int index = skip; index < items.size(); index++) {
                if (hits.size() < limit) {
                    hits.add(items.get(index));
                } else {
                    more = true;
                }
            }
            total = answer.total();
            more = more || answer.hasMore();
            if (!answer.hasMore()) {
                break;
            }
        }
        boolean hasMore = more && (total == null || offset + hits.size() < total);
        return new SearchPage(hits, total, hasMore);
    }
}
