package com.trackgeek.sync.provider.hardcover;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;
import com.trackgeek.contracts.bulk.BulkSelector;
import com.trackgeek.contracts.catalog.CatalogItem;
import com.trackgeek.sync.provider.FetchOutcome;
import com.trackgeek.sync.provider.IdPage;
import com.trackgeek.sync.provider.MetadataProvider;
import com.trackgeek.sync.provider.ProviderBodies;
import com.trackgeek.sync.provider.ProviderException;
import com.trackgeek.sync.provider.SearchHits;
import com.trackgeek.sync.provider.SearchPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Books from Hardcover: one GraphQL query answers many ids at once, so a single fetch is a batch of one. Hasura
 * leaves out the ids it does not know (no error), which makes them {@code BOOK_NOT_FOUND}; a book of the answer
 * that does not parse into Hardcover's documented shape fails alone, as {@code PROVIDER_PAYLOAD_INVALID}.
 */
final class HardcoverProvider implements MetadataProvider {

    private static final Logger log = LoggerFactory.getLogger(HardcoverProvider.class);

    /** Hardcover's lists: {@code trending}, its {@code books_trending} over the last month. */
    static final Set<String> TOP_LISTS = Set.of("trending");
    /**
     * Ids a trending page holds: {@code books_trending} ranks on demand, and larger pages (100 and more) are
     * reported to time out with HTTP 408, so pages stay small.
     */
    static final int TRENDING_PAGE = 25;
    /** The trending window, as Hardcover's own "trending this month". */
    static final Period TRENDING_WINDOW = Period.ofMonths(1);

    private final HardcoverClient client;
    private final HardcoverProperties properties;
    private final Clock clock;
    private final ProviderBodies bodies = ProviderBodies.snakeCase(Provider.HARDCOVER);

    HardcoverProvider(HardcoverClient client, HardcoverProperties properties, Clock clock) {
        this.client = client;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Set<String> topLists(MediaType type) {
        return type == MediaType.BOOK ? TOP_LISTS : Set.of();
    }

    /**
     * {@code trending} is {@code books_trending} from a month ago to today (UTC), {@value #TRENDING_PAGE} ids a call;
     * {@code hasMore} is a full page (Hardcover gives no total). Hardcover has no season, and its catalog is not
     * affordable to list.
     */
    @Override
    public IdPage listIds(BulkSelector selector, int page) {
        if (!(selector instanceof BulkSelector.TopList top) || top.type() != MediaType.BOOK || !TOP_LISTS.contains(top.list())) {
            throw notListable(selector);
        }
        if (!properties.configured()) {
            throw ProviderException.notConfigured(Provider.HARDCOVER, "set " + HardcoverProperties.TOKEN_VARIABLE);
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<Long> ids = client.trending(today.minus(TRENDING_WINDOW), today, TRENDING_PAGE, (page - 1) * TRENDING_PAGE);
        return new IdPage(IdPage.distinct(ids), null, ids.size() >= TRENDING_PAGE);
    }

    @Override
    public Provider provider() {
        return Provider.HARDCOVER;
    }

    @Override
    public Set<MediaType> mediaTypes() {
        return Set.of(MediaType.BOOK);
    }

    @Override
    public List<String> missingSettings() {
        return properties.configured() ? List.of() : List.of(HardcoverProperties.TOKEN_VARIABLE);
    }

    @Override
    public int batchSize() {
        return properties.batchSize();
    }

    @Override
    public CatalogItem fetch(MediaKey key) {
        return fetchSeveral(key.type(), List.of(key.id())).getFirst().itemOrThrow();
    }

    @Override
    public List<FetchOutcome> fetchSeveral(MediaType type, List<Long> ids) {
        if (type != MediaType.BOOK) {
            throw new IllegalArgumentException("Hardcover fetches books, not " + type);
        }
        if (!properties.configured()) {
            throw ProviderException.notConfigured(Provider.HARDCOVER, "set " + HardcoverProperties.TOKEN_VARIABLE);
        }
        Map<Long, FetchOutcome> answered = new HashMap<>();
        boolean unattributed = false;
        for (Object book : client.books(ids)) {
            Long id = idOf(book);
            if (id == null) {
                unattributed = true;
            } else if (ids.contains(id)) {
                answered.putIfAbsent(id, read(MediaKey.of(type, id), book));
            }
        }
        List<FetchOutcome> outcomes = new ArrayList<>(ids.size());
        for (long id : ids) {
            outcomes.add(answered.getOrDefault(id, absent(MediaKey.of(type, id), unattributed)));
        }
        return outcomes;
    }

    /**
     * Books whose title matches, through the search document (the hit's identity, titles, state, dates and
     * cover: a partial book). Hardcover gives no total: {@code hasMore} is a full page. A hit that does not parse
     * into Hardcover's documented shape fails the answer ({@code PROVIDER_PAYLOAD_INVALID}).
     */
    @Override
    public SearchPage search(MediaType type, String query, int page, int limit) {
        if (type != MediaType.BOOK) {
            throw new IllegalArgumentException("Hardcover searches books, not " + type);
        }
        if (!properties.configured()) {
            throw ProviderException.notConfigured(Provider.HARDCOVER, "set " + HardcoverProperties.TOKEN_VARIABLE);
        }
        String path = "POST " + client.path() + " " + HardcoverClient.SEARCH_DOCUMENT + " books";
        List<?> hits = client.search(query, limit, (page - 1) * limit);
        List<HardcoverResponses.Book> books = new ArrayList<>(hits.size());
        for (int index = 0; index < hits.size(); index++) {
            books.add(bodies.parse(bodies.json().writeValueAsBytes(hits.get(index)), HardcoverResponses.Book.class, path + "[" + index + "]"));
        }
        List<CatalogItem> items = SearchHits.mapped(Provider.HARDCOVER, path, books, limit,
                HardcoverResponses.Book::id, HardcoverResponses.Book::title, HardcoverBookMapper::toBook);
        return new SearchPage(items, null, hits.size() >= limit);
    }

    private FetchOutcome read(MediaKey key, Object book) {
        String where = "POST " + client.path() + " books[id=" + key.id() + "]";
        try {
            var parsed = bodies.parse(bodies.json().writeValueAsBytes(book), HardcoverResponses.Book.class, where);
            return FetchOutcome.fetched(key, HardcoverBookMapper.toBook(parsed));
        } catch (ProviderException unreadable) {
            log.warn("Hardcover book {} cannot be read: {}", key.id(), unreadable.getMessage());
            return FetchOutcome.failed(key, unreadable);
        } catch (RuntimeException unmappable) {
            var failure = ProviderException.invalidPayload(Provider.HARDCOVER, where + " cannot be mapped: " + unmappable.getMessage(), unmappable);
            log.warn("Hardcover book {} cannot be read: {}", key.id(), failure.getMessage());
            return FetchOutcome.failed(key, failure);
        }
    }

    /**
     * An id Hardcover left out of its answer: not found, unless a book of the answer had no readable id, which
     * might have been this one.
     */
    private FetchOutcome absent(MediaKey key, boolean unattributed) {
        if (unattributed) {
            return FetchOutcome.failed(key, ProviderException.invalidPayload(Provider.HARDCOVER,
                    "POST " + client.path() + " answered a book without a numeric id", null));
        }
        return FetchOutcome.failed(key, ProviderException.notFound(key.type(), "Hardcover has no book " + key.id()));
    }

    private static Long idOf(Object book) {
        if (book instanceof Map<?, ?> fields && fields.get("id") instanceof Number id) {
            return id.longValue();
        }
        return null;
    }
}
