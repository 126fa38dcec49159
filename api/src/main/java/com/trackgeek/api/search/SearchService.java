package com.trackgeek.api.search;

import com.trackgeek.api.media.ServedMediaTypes;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.servicekit.items.CatalogSearch;
import com.trackgeek.servicekit.items.CatalogSearch.SearchHit;
import com.trackgeek.servicekit.items.CatalogSearch.SearchPage;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Database first: a search is answered from the stored items, and only when they are not enough for the page
 * ({@link #enoughFromDatabase}) are the providers of the searched types asked, through the sync worker, for the
 * same page. Their hits follow the database's on the page, in each provider's order (several types' in turn),
 * without repeating a hit the database already gave; a provider that fails or is slow leaves the database's
 * hits, flagged, within the bound.
 */
@Service
final class SearchService {

    private final CatalogSearch catalog;
    private final ProviderSearches providers;
    private final ServedMediaTypes served;
    private final SearchProperties properties;

    SearchService(CatalogSearch catalog, ProviderSearches providers, ServedMediaTypes served,
                  SearchProperties properties) {
        this.catalog = catalog;
        this.providers = providers;
        this.served = served;
        this.properties = properties;
    }

    SearchResults search(SearchRequest request) {
        SearchPage page = catalog.search(request.query(), request.types(), request.offset(), request.limit());
        Set<MediaType> askable = EnumSet.noneOf(MediaType.class);
        if (properties.providerFallback()) {
            request.types().stream().filter(served::serves).forEach(askable::add);
        }
        if (enoughFromDatabase(request, page) || askable.isEmpty()) {
            return new SearchResults(request.query(), request.page(), request.limit(), page.total(), page.totalExact(),
                    databaseHasMore(request, page), false, false, List.of(), fromDatabase(page));
        }
        return merged(request, page, providers.search(askable, request.query(), request.page(), request.limit()));
    }

    /**
     * Whether the database's page answers the search without a provider: it holds at least
     * {@code min-good-hits} (or the page's limit, if smaller) hits scoring {@code good-score} or more, or the query
     * names one of its hits outright (its title or an alternative title, case and accents aside): a stored
     * title searched for is found by the database alone.
     */
    boolean enoughFromDatabase(SearchRequest request, SearchPage page) {
        long good = page.hits().stream().filter(hit -> hit.score() >= properties.goodScore()).count();
        return good >= Math.min(request.limit(), properties.minGoodHits())
                || page.hits().stream().anyMatch(hit -> ExactTitle.names(request.query(), hit.title(), hit.alternativeTitles()));
    }

    private SearchResults merged(SearchRequest request, SearchPage page, List<ProviderPart> parts) {
        List<SearchResults.Hit> items = new ArrayList<>(fromDatabase(page));
        Set<MediaKey> shown = new HashSet<>();
        page.hits().forEach(hit -> shown.add(hit.key()));
        List<ProviderPart> answered = parts.stream().filter(part -> part.outcome().hasHits()).toList();
        List<MediaKey> providerKeys = inTurn(answered).stream().filter(key -> !shown.contains(key)).toList();
        // The worker stored every hit (partial, or full if it was already) before it answered, so a page shows of
        // a hit what the database holds now, a full fetch's data included once it has arrived.
        Map<MediaKey, SearchHit> stored = catalog.summaries(providerKeys);
        for (MediaKey key : providerKeys) {
            SearchHit hit = stored.get(key);
            if (items.size() >= request.limit()) {
                break;
            }
            if (hit != null) {
                items.add(summary(hit, SearchResults.FROM_PROVIDER));
            }
        }
        boolean missing = parts.stream().anyMatch(part -> !part.outcome().hasHits());
        boolean hasMore = databaseHasMore(request, page) || answered.stream().anyMatch(part -> part.row().hasMore());
        Long total = total(page, answered);
        // The database's count may be a lower bound (CatalogSearch counts so far); a larger provider count is the provider's own.
        boolean exact = total == null || total > page.total() || page.totalExact();
        if (total == null && !hasMore && !items.isEmpty()) {
            total = request.offset() + items.size(); // the last page: the count is what the pages hold
        }
        return new SearchResults(request.query(), request.page(), request.limit(), total, exact, hasMore,
                !answered.isEmpty(), missing, parts.stream().map(SearchService::describe).toList(), items);
    }

    /** Several providers' hits taken in turn, each in its provider's order: no type pushes the others off the page. */
    private static List<MediaKey> inTurn(List<ProviderPart> parts) {
        Set<MediaKey> keys = new LinkedHashSet<>();
        List<List<MediaKey>> lists = parts.stream().map(part -> part.row().hits()).toList();
        int longest = lists.stream().mapToInt(List::size).max().orElse(0);
        for (int index = 0; index < longest; index++) {
            for (List<MediaKey> list : lists) {
                if (index < list.size()) {
                    keys.add(list.get(index));
                }
            }
        }
        return List.copyOf(keys);
    }

    /** The larger of the database's count and the providers' counts added up; unknown if a provider gives none. */
    private static Long total(SearchPage page, List<ProviderPart> answered) {
        long providerTotal = 0;
        for (ProviderPart part : answered) {
            if (part.row().total() == null) {
                return null;
            }
            providerTotal += part.row().total();
        }
        return Math.max(page.total(), providerTotal);
    }

    private static boolean databaseHasMore(SearchRequest request, SearchPage page) {
        return page.total() > request.offset() + page.hits().size();
    }

    private static SearchResults.Provider describe(ProviderPart part) {
        var row = part.row();
        boolean failed = part.outcome() == ProviderPart.Outcome.FAILED
                || part.outcome() == ProviderPart.Outcome.QUOTA_EXCEEDED;
        return new SearchResults.Provider(part.type().pathSegment(), part.type().provider().name().toLowerCase(),
                part.outcome().name().toLowerCase(), failed && row.errorCode() != null ? row.errorCode().name() : null,
                failed ? row.errorDetail() : null, part.outcome().hasHits() ? row.answeredAt() : null);
    }

    private static List<SearchResults.Hit> fromDatabase(SearchPage page) {
        return page.hits().stream().map(SearchService::fromDatabase).toList();
    }

    private static SearchResults.Hit fromDatabase(SearchHit hit) {
        return summary(hit, SearchResults.FROM_DATABASE);
    }

    private static SearchResults.Hit summary(SearchHit hit, String source) {
        return new SearchResults.Hit(hit.key().id(), hit.key().type().pathSegment(), hit.title(),
                hit.alternativeTitles(), hit.year(), hit.image(), hit.status(),
                new SearchResults.Sync(hit.syncStatus(), hit.lastSyncedAt(), hit.partial()), source);
    }
}
