package com.trackgeek.sync.provider.jikan;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;
import com.trackgeek.contracts.bulk.BulkSelector;
import com.trackgeek.contracts.catalog.CatalogItem;
import com.trackgeek.sync.provider.IdPage;
import com.trackgeek.sync.provider.MetadataProvider;
import com.trackgeek.sync.provider.ProviderException;
import com.trackgeek.sync.provider.SearchHits;
import com.trackgeek.sync.provider.SearchPage;
import com.trackgeek.sync.provider.SearchWindow;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * MyAnimeList data through Jikan: an anime is its {@code /full} body plus its characters, staff and videos;
 * a manga is its {@code /full} body plus its characters. Both go through one client, so they spend one
 * rate-limit budget, as Jikan counts them.
 */
final class JikanProvider implements MetadataProvider {

    /** Jikan's largest {@code limit} of a search page. */
    static final int MAX_SEARCH_LIMIT = 25;

    /** Our list name to Jikan's {@code filter}: {@code top} is the plain ranking (no filter). */
    private static final Map<MediaType, Map<String, String>> TOP_LISTS = Map.of(
            MediaType.ANIME, Map.of("top", "", "airing", "airing", "upcoming", "upcoming",
                    "bypopularity", "bypopularity", "favorite", "favorite"),
            MediaType.MANGA, Map.of("top", "", "publishing", "publishing", "upcoming", "upcoming",
                    "bypopularity", "bypopularity", "favorite", "favorite"));

    private final JikanClient client;

    JikanProvider(JikanClient client) {
        this.client = client;
    }

    @Override
    public Provider provider() {
        return Provider.JIKAN;
    }

    @Override
    public Set<MediaType> mediaTypes() {
        return Set.of(MediaType.ANIME, MediaType.MANGA);
    }

    @Override
    public CatalogItem fetch(MediaKey key) {
        long malId = key.id();
        // The detail body first: if Jikan does not know the id, the other calls are not spent.
        return switch (key.type()) {
            case ANIME -> {
                var full = client.animeFull(malId);
                var characters = client.animeCharacters(malId);
                var staff = client.animeStaff(malId);
                var videos = client.animeVideos(malId);
                yield mapped(key, () -> JikanAnimeMapper.toAnime(full, characters, staff, videos));
            }
            case MANGA -> {
                var full = client.mangaFull(malId);
                var characters = client.mangaCharacters(malId);
                yield mapped(key, () -> JikanMangaMapper.toManga(full, characters));
            }
            default -> throw new IllegalArgumentException("Jikan fetches anime and manga, not " + key);
        };
    }

    /**
     * Jikan's search entries have the shape of the anime and manga objects, so the fetch mappers map them, with
     * no characters, staff or videos: what the search answer carries, nothing more. Jikan pages hold at most
     * {@value #MAX_SEARCH_LIMIT}: up to that our page is Jikan's page (one call); a larger {@code limit} is cut out
     * of Jikan's pages of {@value #MAX_SEARCH_LIMIT} ({@link SearchWindow}).
     */
    @Override
    public SearchPage search(MediaType type, String query, int page, int limit) {
        int pageSize = Math.min(limit, MAX_SEARCH_LIMIT);
        return switch (type) {
            case ANIME -> SearchWindow.collect(page, limit, pageSize, number -> {
                var answer = client.searchAnime(query, number, pageSize);
                return page(answer.data(), answer.pagination(), "/anime?q=",
                        anime -> JikanAnimeMapper.toAnime(anime, List.of(), List.of(), null), JikanResponses.Anime::malId, JikanResponses.Anime::title);
            });
            case MANGA -> SearchWindow.collect(page, limit, pageSize, number -> {
                var answer = client.searchManga(query, number, pageSize);
                return page(answer.data(), answer.pagination(), "/manga?q=",
                        manga -> JikanMangaMapper.toManga(manga, List.of()), JikanResponses.Manga::malId, JikanResponses.Manga::title);
            });
            default -> throw new IllegalArgumentException("Jikan searches anime and manga, not " + type);
        };
    }

    @Override
    public Set<String> topLists(MediaType type) {
        return TOP_LISTS.getOrDefault(type, Map.of()).keySet();
    }

    /**
     * A season is every page of {@code /seasons/{year}/{season}}, a top list every page of {@code /top/{type}};
     * both 25 entries a page, Jikan's largest. Jikan may repeat an entry within a page: each id is kept once.
     */
    @Override
    public IdPage listIds(BulkSelector selector, int page) {
        JikanResponses.IdList answer = switch (selector) {
            case BulkSelector.Season season -> client.season(season.year(), season.season().pathSegment(), page);
            case BulkSelector.TopList top when TOP_LISTS.getOrDefault(top.type(), Map.of()).containsKey(top.list()) -> {
                String filter = TOP_LISTS.get(top.type()).get(top.list());
                yield client.top(top.type(), filter.isEmpty() ? null : filter, page);
            }
            default -> throw notListable(selector);
        };
        List<Long> ids = answer.data() == null ? List.of() : answer.data().stream()
                .map(JikanResponses.IdEntry::malId).filter(Objects::nonNull).toList();
        JikanResponses.Pagination pagination = answer.pagination();
        Long total = pagination == null || pagination.items() == null ? null : pagination.items().total();
        boolean hasMore = pagination != null && Boolean.TRUE.equals(pagination.hasNextPage());
        return new IdPage(IdPage.distinct(ids), total, hasMore);
    }

    private static <E> SearchPage page(List<E> entries, JikanResponses.Pagination pagination, String path,
                                       Function<E, CatalogItem> mapper, Function<E, Long> id, Function<E, String> title) {
        List<CatalogItem> items = SearchHits.mapped(Provider.JIKAN, path + " data", entries, Integer.MAX_VALUE, id, title, mapper);
        Long total = pagination == null || pagination.items() == null ? null : pagination.items().total();
        boolean hasMore = pagination != null && Boolean.TRUE.equals(pagination.hasNextPage());
        return new SearchPage(items, total, hasMore);
    }

    /**
     * The bodies parsed into Jikan's documented types, so a failure while mapping them can only come from a
     * shape we did not foresee: that is a payload problem of this item, reported as such, never a crash of
     * the consumer that would retry the same body.
     */
    private static CatalogItem mapped(MediaKey key, Supplier<CatalogItem> mapping) {
        try {
            return mapping.get();
        } catch (RuntimeException unforeseen) {
            throw ProviderException.invalidPayload(Provider.JIKAN, "the bodies of " + key + " cannot be mapped: " + unforeseen, unforeseen);
        }
    }
}
