package com.trackgeek.sync.provider.tmdb;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;
import com.trackgeek.contracts.bulk.BulkSelector;
import com.trackgeek.contracts.catalog.CatalogItem;
import com.trackgeek.sync.provider.ChangeFeed;
import com.trackgeek.sync.provider.IdPage;
import com.trackgeek.sync.provider.MetadataProvider;
import com.trackgeek.sync.provider.ProviderException;
import com.trackgeek.sync.provider.SearchHits;
import com.trackgeek.sync.provider.SearchPage;
import com.trackgeek.sync.provider.SearchWindow;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Movies and TV shows from TMDB v3. A movie is one call (credits and videos appended); a show is one call
 * for the show and its credits, then one per 20 seasons (every episode of every season), so a long-running
 * show costs about {@code 1 + seasons/20} calls instead of {@code 1 + seasons}. Without credentials the
 * provider is off: {@link #missingSettings()} names them and nothing is called.
 */
final class TmdbProvider implements MetadataProvider {

    /** How many results TMDB's search pages hold, always. */
    static final int SEARCH_PAGE_SIZE = 20;

    /** The ranked lists TMDB has for movies and for TV, each {@code /movie/{list}} or {@code /tv/{list}}. */
    static final Set<String> TOP_LISTS = Set.of("popular", "top_rated");
    /** TMDB serves no list page past this one, whatever its {@code total_pages} says. */
    static final int MAX_LIST_PAGE = 500;

    private final TmdbClient client;
    private final List<String> missingSettings;
    private final TmdbIdExport idExport;
    private final TmdbChangeFeed changeFeed;

    TmdbProvider(TmdbClient client, List<String> missingSettings, TmdbIdExport idExport) {
        this.client = client;
        this.missingSettings = List.copyOf(missingSettings);
        this.idExport = idExport;
        this.changeFeed = new TmdbChangeFeed(client, missingSettings);
    }

    /** {@code /movie/changes} and {@code /tv/changes} ({@link TmdbChangeFeed}). */
    @Override
    public Optional<ChangeFeed> changeFeed() {
        return Optional.of(changeFeed);
    }

    @Override
    public Provider provider() {
        return Provider.TMDB;
    }

    @Override
    public Set<MediaType> mediaTypes() {
        return Set.of(MediaType.MOVIE, MediaType.TV_SHOW);
    }

    @Override
    public List<String> missingSettings() {
        return missingSettings;
    }

    @Override
    public CatalogItem fetch(MediaKey key) {
        if (!missingSettings.isEmpty()) {
            throw ProviderException.notConfigured(Provider.TMDB, "set " + String.join(", ", missingSettings));
        }
        long id = key.id();
        return switch (key.type()) {
            case MOVIE -> {
                var movie = client.movie(id);
                yield mapped(key, () -> TmdbMovieMapper.toMovie(movie));
            }
            case TV_SHOW -> {
                // The show first: if TMDB does not know it, no season call is spent.
                var show = client.show(id);
                var numbers = mapped(key, () -> TmdbTvMapper.seasonNumbers(show));
                var seasons = client.seasons(id, numbers);
                yield mapped(key, () -> TmdbTvMapper.toShow(show, seasons));
            }
            default -> throw new IllegalArgumentException("TMDB fetches movies and TV shows, not " + key);
        };
    }

    /**
     * TMDB's search results are a subset of the movie and show bodies, mapped by the fetch mappers (a show with
     * no seasons). TMDB's pages hold {@value #SEARCH_PAGE_SIZE} results whatever we ask, so our page is cut out of
     * the one or few TMDB pages that hold it ({@link SearchWindow}).
     */
    @Override
    public SearchPage search(MediaType type, String query, int page, int limit) {
        if (!missingSettings.isEmpty()) {
            throw ProviderException.notConfigured(Provider.TMDB, "set " + String.join(", ", missingSettings));
        }
        return switch (type) {
            case MOVIE -> SearchWindow.collect(page, limit, SEARCH_PAGE_SIZE, number -> {
                var answer = client.searchMovies(query, number);
                return page(answer.results(), answer.page(), answer.totalPages(), answer.totalResults(), "/search/movie",
                        movie -> movie.id(), movie -> movie.title(), TmdbMovieMapper::toMovie);
            });
            case TV_SHOW -> SearchWindow.collect(page, limit, SEARCH_PAGE_SIZE, number -> {
                var answer = client.searchShows(query, number);
                return page(answer.results(), answer.page(), answer.totalPages(), answer.totalResults(), "/search/tv",
                        show -> show.id(), show -> show.name(), show -> TmdbTvMapper.toShow(show, Map.of()));
            });
            default -> throw new IllegalArgumentException("TMDB searches movies and TV shows, not " + type);
        };
    }

    @Override
    public Set<String> topLists(MediaType type) {
        return mediaTypes().contains(type) ? TOP_LISTS : Set.of();
    }

    /**
     * A top list is {@code /movie/popular}, {@code /tv/top_rated}, ...: 20 ids a call, at most
     * {@value #MAX_LIST_PAGE} pages (TMDB's cap). A catalog is the daily id export file of the type, 10,000 ids a
     * page and no call ({@link TmdbIdExport}), when {@code trackgeek.providers.tmdb.id-export.*} names one.
     */
    @Override
    public IdPage listIds(BulkSelector selector, int page) {
        return switch (selector) {
            case BulkSelector.TopList top when topLists(top.type()).contains(top.list()) -> {
                if (!missingSettings.isEmpty()) {
                    throw ProviderException.notConfigured(Provider.TMDB, "set " + String.join(", ", missingSettings));
                }
                if (page > MAX_LIST_PAGE) {
                    yield new IdPage(List.of(), null, false);
                }
                var answer = client.list("/" + top.type().pathSegment() + "/" + top.list(), page);
                List<Long> ids = answer.results() == null ? List.of() : answer.results().stream()
                        .map(TmdbResponses.IdEntry::id).filter(Objects::nonNull).toList();
                int lastPage = Math.min(MAX_LIST_PAGE, answer.totalPages() == null ? 0 : answer.totalPages());
                yield new IdPage(IdPage.distinct(ids), answer.totalResults(), page < lastPage);
            }
            case BulkSelector.Catalog catalog when mediaTypes().contains(catalog.type()) -> {
                if (!idExport.has(catalog.type())) {
                    throw ProviderException.selectorNotSupported(Provider.TMDB, "a whole " + catalog.type()
                            + " catalog needs TMDB's daily id export: set " + (catalog.type() == MediaType.MOVIE
                            ? TmdbProperties.IdExport.MOVIE_SETTING : TmdbProperties.IdExport.TV_SETTING));
                }
                yield idExport.page(catalog.type(), page);
            }
            default -> throw notListable(selector);
        };
    }

    /** One TMDB page, every result mapped. */
    private static <R> SearchPage page(List<R> results, Integer page, Integer totalPages, Long total, String path,
                                       Function<R, Long> id, Function<R, String> title, Function<R, CatalogItem> mapper) {
        if (total == null) {
            throw ProviderException.invalidPayload(Provider.TMDB, path + " has no total_results", null);
        }
        List<CatalogItem> items = SearchHits.mapped(Provider.TMDB, path + " results", results, Integer.MAX_VALUE, id, title, mapper);
        boolean hasMore = page != null && totalPages != null && page < totalPages;
        return new SearchPage(items, total, hasMore);
    }

    /**
     * The bodies parsed into TMDB's documented types, so a failure while mapping them (a date that is not a
     * date) can only come from a shape we did not foresee: a payload problem of this item, never a crash.
     */
    private static <T> T mapped(MediaKey key, Supplier<T> mapping) {
        try {
            return mapping.get();
        } catch (RuntimeException unforeseen) {
            throw ProviderException.invalidPayload(Provider.TMDB, "the bodies of " + key + " cannot be mapped: " + unforeseen, unforeseen);
        }
    }
}
