package com.trackgeek.sync.provider;

import com.trackgeek.contracts.Provider;
import com.trackgeek.contracts.catalog.CatalogItem;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A search answer's hits as partial catalog records, read the same way for every provider: a hit without an id
 * or a title describes nothing we could store, and a hit the mapper cannot map is a shape we did not foresee;
 * either makes the whole answer {@code PROVIDER_PAYLOAD_INVALID} naming the hit, never a crash.
 */
public final class SearchHits {

    private SearchHits() {
    }

    /**
     * @param path  the provider path of the answer and the hits' array, e.g. {@code /search/movie results}
     * @param limit at most this many hits are mapped, in the provider's order
     */
    public static <H> List<CatalogItem> mapped(Provider provider, String path, List<H> hits, int limit,
                                               Function<H, Long> id, Function<H, String> title,
                                               Function<H, ? extends CatalogItem> mapper) {
        if (hits == null) {
            throw ProviderException.invalidPayload(provider, path + " is missing", null);
        }
        List<CatalogItem> items = new ArrayList<>(Math.min(hits.size(), Math.max(limit, 0)));
        for (int index = 0; index < hits.size() && items.size() < limit; index++) {
            H hit = hits.get(index);
            String where = path + "[" + index + "]";
            Long hitId = hit == null ? null : id.apply(hit);
            String hitTitle = hit == null ? null : title.apply(hit);
            if (hitId == null || hitId <= 0 || hitTitle == null || hitTitle.isBlank()) {
                throw ProviderException.invalidPayload(provider, where + " has no id or title", null);
            }
            try {
                items.add(mapper.apply(hit));
            } catch (RuntimeException unforeseen) {
                throw ProviderException.invalidPayload(provider, where + " cannot be mapped: " + unforeseen, unforeseen);
            }
        }
        return items;
    }
}
