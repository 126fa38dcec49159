package com.trackgeek.api.search;

import com.trackgeek.servicekit.items.CatalogSearch;
import com.trackgeek.servicekit.items.CatalogSearch.SearchHit;
import com.trackgeek.servicekit.items.CatalogSearch.SearchPage;
import org.springframework.stereotype.Service;

/**
 * Database first: a search is answered from the stored items, and only when they are not enough for the
 * page would a provider be asked ({@link #enoughFromDatabase}). The provider round trip (over Kafka to the
 * sync worker, bounded wait, 24 h cache, partial items) is not built yet, so today every answer is the
 * database's hits with {@code providerIncluded=false}; the one place it plugs in is marked below.
 */
@Service
final class SearchService {

    private final CatalogSearch catalog;
    private final SearchProperties properties;

    SearchService(CatalogSearch catalog, SearchProperties properties) {
        this.catalog = catalog;
        this.properties = properties;
    }

    SearchResults search(SearchRequest request) {
        SearchPage page = catalog.search(request.query(), request.types(), request.offset(), request.limit());
        if (!enoughFromDatabase(page, request.limit())) {
            // PROVIDER FALLBACK (issue #7, next session): ask the sync worker for the providers' hits of
            // (types, normalised query, page) over Kafka, wait a bounded time, merge them after the database's
            // hits with source "provider" and providerIncluded=true. Until then the database's hits are the
            // whole answer.
            return results(request, page, false);
        }
        return results(request, page, false);
    }

    /**
     * Whether the page holds enough good hits that no provider needs asking: at least
     * {@code min-good-hits} (or the page's limit, if smaller) hits scoring {@code good-score} or more.
     */
    boolean enoughFromDatabase(SearchPage page, int limit) {
        long good = page.hits().stream().filter(hit -> hit.score() >= properties.goodScore()).count();
        return good >= Math.min(limit, properties.minGoodHits());
    }

    private static SearchResults results(SearchRequest request, SearchPage page, boolean providerIncluded) {
        return new SearchResults(request.query(), request.page(), request.limit(), page.total(), providerIncluded,
                page.hits().stream().map(SearchService::fromDatabase).toList());
    }

    private static SearchResults.Hit fromDatabase(SearchHit hit) {
        return new SearchResults.Hit(hit.key().id(), hit.key().type().pathSegment(), hit.title(),
                hit.alternativeTitles(), hit.year(), hit.image(), hit.status(),
                new SearchResults.Sync(hit.syncStatus(), hit.lastSyncedAt(), hit.partial()),
                SearchResults.FROM_DATABASE);
    }
}
