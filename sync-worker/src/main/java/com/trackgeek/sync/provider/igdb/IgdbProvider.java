package com.trackgeek.sync.provider.igdb;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;
import com.trackgeek.contracts.bulk.BulkSelector;
import com.trackgeek.contracts.catalog.CatalogItem;
import com.trackgeek.contracts.catalog.Game;
import com.trackgeek.sync.provider.ChangeFeed;
import com.trackgeek.sync.provider.FetchOutcome;
import com.trackgeek.sync.provider.IdPage;
import com.trackgeek.sync.provider.MetadataProvider;
import com.trackgeek.sync.provider.ProviderBodies;
import com.trackgeek.sync.provider.ProviderException;
import com.trackgeek.sync.provider.SearchHits;
import com.trackgeek.sync.provider.SearchPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Games from IGDB: one query carries up to 500 ids, so a batch costs one call. The answer is read game by
 * game: a game whose JSON does not fit IGDB's documented shape fails that id alone with
 * {@code PROVIDER_PAYLOAD_INVALID}, and an id IGDB leaves out of its answer is {@code GAME_NOT_FOUND} (IGDB
 * answers unknown ids by omission, never 404). Without client id and secret the provider exists but does
 * nothing: its commands fail with {@code IGDB_NOT_CONFIGURED} before any call.
 */
final class IgdbProvider implements MetadataProvider {

    private static final Logger log = LoggerFactory.getLogger(IgdbProvider.class);

    /** {@code rating}: {@code total_rating} best first; {@code popularity}: IGDB's page-visits popularity. */
    static final Set<String> TOP_LISTS = Set.of("rating", "popularity");
    /** IGDB's popularity type of page visits, the one {@code popularity} lists by. */
    static final int VISITS = 1;

    /**
     * Splits a games answer into its games with Jackson's own limits: one game with a text past ProviderBodies' limit
     * then fails alone ({@link #toGame}), not the 500 games of its batch.
     */
    private static final JsonMapper WHOLE_ANSWER = JsonMapper.builder().build();

    private final IgdbClient client;
    private final List<String> missingSettings;
    private final ProviderBodies bodies = ProviderBodies.snakeCase(Provider.IGDB);
    private final ChangeFeed changeFeed;

    IgdbProvider(IgdbClient client, List<String> missingSettings) {
        this.client = client;
        this.missingSettings = List.copyOf(missingSettings);
        this.changeFeed = new IgdbChangeFeed(client, missingSettings);
    }

    @Override
    public Provider provider() {
        return Provider.IGDB;
    }

    @Override
    public Set<MediaType> mediaTypes() {
        return Set.of(MediaType.GAME);
    }

    @Override
    public List<String> missingSettings() {
        return missingSettings;
    }

    @Override
    public int batchSize() {
        return IgdbQuery.MAX_IDS;
    }

    @Override
    public CatalogItem fetch(MediaKey key) {
        return fetchSeveral(key.type(), List.of(key.id())).getFirst().itemOrThrow();
    }

    @Override
    public List<FetchOutcome> fetchSeveral(MediaType type, List<Long> ids) {
        if (type != MediaType.GAME) {
            throw new IllegalArgumentException("IGDB fetches games, not " + type);
        }
        if (!missingSettings.isEmpty()) {
            throw ProviderException.notConfigured(Provider.IGDB, "set " + String.join(", ", missingSettings));
        }
        List<Long> distinct = List.copyOf(new LinkedHashSet<>(ids));
        Map<Long, FetchOutcome> byId = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += IgdbQuery.MAX_IDS) {
            List<Long> chunk = distinct.subList(from, Math.min(distinct.size(), from + IgdbQuery.MAX_IDS));
            byId.putAll(fetchChunk(chunk));
        }
        List<FetchOutcome> outcomes = new ArrayList<>(ids.size());
        for (long id : ids) {
            outcomes.add(byId.get(id));
        }
        return outcomes;
    }

    /**
     * IGDB's {@code search "..."} on {@code /games} with the fields of a fetch, so each hit maps with the fetch
     * mapper. IGDB gives no total: {@code hasMore} is a full page. A hit that does not fit IGDB's documented shape
     * fails the whole answer ({@code PROVIDER_PAYLOAD_INVALID}).
     */
    @Override
    public SearchPage search(MediaType type, String query, int page, int limit) {
        if (type != MediaType.GAME) {
            throw new IllegalArgumentException("IGDB searches games, not " + type);
        }
        if (!missingSettings.isEmpty()) {
            throw ProviderException.notConfigured(Provider.IGDB, "set " + String.join(", ", missingSettings));
        }
        int size = Math.min(limit, IgdbQuery.MAX_IDS);
        String path = "POST " + IgdbClient.PATH + " search";
        var games = bodies.parse(client.search(query, size, (page - 1) * size), IgdbResponses.Game[].class, path);
        List<CatalogItem> items = SearchHits.mapped(Provider.IGDB, path, Arrays.asList(games), size,
                IgdbResponses.Game::id, IgdbResponses.Game::name, IgdbGameMapper::toGame);
        return new SearchPage(items, null, games.length >= size);
    }

    /** Games changed upstream, by their {@code updated_at} ({@link IgdbChangeFeed}). */
    @Override
    public Optional<ChangeFeed> changeFeed() {
        return Optional.of(changeFeed);
    }

    @Override
    public Set<String> topLists(MediaType type) {
        return type == MediaType.GAME ? TOP_LISTS : Set.of();
    }

    /**
     * 500 ids a call, IGDB's largest {@code limit}. {@code rating} and {@code popularity} page by offset (page
     * {@code n} is offset {@code 500 (n - 1)}). The catalog pages by id instead, so that no offset grows with it:
     * page {@code n} is the games with ids in {@code (500 (n - 1), 500 n]}, asked as {@code where id > 500 (n - 1);
     * sort id asc; limit 500}, which also tells whether a later page holds any (an id beyond the range, or a full
     * answer). IGDB's ids have gaps: a page may be empty while {@code hasMore} is true. No total is known.
     */
    @Override
    public IdPage listIds(BulkSelector selector, int page) {
        if (selector.type() != MediaType.GAME) {
            throw notListable(selector);
        }
        int offset = (page - 1) * IgdbQuery.MAX_IDS;
        return switch (selector) {
            case BulkSelector.TopList top when top.list().equals("rating") -> {
                requireConfigured();
                List<Long> ids = ids(client.listGames(IgdbQuery.idsByRating(offset)), IgdbResponses.IdEntry[].class,
                        IgdbResponses.IdEntry::id, "POST " + IgdbClient.PATH + " by total_rating");
                yield new IdPage(ids, null, ids.size() >= IgdbQuery.MAX_IDS);
            }
            case BulkSelector.TopList top when top.list().equals("popularity") -> {
                requireConfigured();
                List<Long> ids = ids(client.popularity(IgdbQuery.popularity(VISITS, offset)), IgdbResponses.PopularityEntry[].class,
                        IgdbResponses.PopularityEntry::gameId, "POST " + IgdbClient.POPULARITY_PATH);
                yield new IdPage(ids, null, ids.size() >= IgdbQuery.MAX_IDS);
            }
            case BulkSelector.Catalog catalog -> {
                requireConfigured();
                long lowest = offset;
                long highest = lowest + IgdbQuery.MAX_IDS;
                List<Long> after = ids(client.listGames(IgdbQuery.idsAfter(lowest)), IgdbResponses.IdEntry[].class,
                        IgdbResponses.IdEntry::id, "POST " + IgdbClient.PATH + " where id > " + lowest);
                List<Long> inRange = after.stream().filter(id -> id > lowest && id <= highest).sorted().toList();
                boolean hasMore = after.size() >= IgdbQuery.MAX_IDS || after.stream().anyMatch(id -> id > highest);
                yield new IdPage(inRange, null, hasMore);
            }
            default -> throw notListable(selector);
        };
    }

    private void requireConfigured() {
        if (!missingSettings.isEmpty()) {
            throw ProviderException.notConfigured(Provider.IGDB, "set " + String.join(", ", missingSettings));
        }
    }

    private <E> List<Long> ids(byte[] body, Class<E[]> type, java.util.function.Function<E, Long> id, String path) {
        E[] entries = bodies.parse(body, type, path);
        return IdPage.distinct(Arrays.stream(entries).map(id).filter(Objects::nonNull).toList());
    }

    private Map<Long, FetchOutcome> fetchChunk(List<Long> ids) {
        String path = "POST " + IgdbClient.PATH + " where id = " + (ids.size() == 1 ? ids.getFirst() : ids);
        byte[] body = client.games(ids);
        Map<Long, FetchOutcome> outcomes = new HashMap<>();
        JsonNode games;
        try {
            games = WHOLE_ANSWER.readTree(body);
        } catch (JacksonException malformed) {
            games = null;
        }
        if (games == null || !games.isArray()) {
            ProviderException invalid = ProviderException.invalidPayload(Provider.IGDB, path + " did not answer a JSON array of games", null);
            log.warn("{}", invalid.getMessage());
            ids.forEach(id -> outcomes.put(id, FetchOutcome.failed(MediaKey.of(MediaType.GAME, id), invalid)));
            return outcomes;
        }
        boolean unattributable = false;
        for (int index = 0; index < games.size(); index++) {
            JsonNode game = games.get(index);
            JsonNode id = game.get("id");
            if (id == null || !id.isIntegralNumber() || id.asLong() <= 0) {
                unattributable = true;
                log.warn("{} answered a game without a usable id at [{}]", path, index);
                continue;
            }
            long igdbId = id.asLong();
            if (!ids.contains(igdbId) || outcomes.containsKey(igdbId)) {
                continue; // not asked for, or answered twice: the first answer stands
            }
            MediaKey key = MediaKey.of(MediaType.GAME, igdbId);
            try {
                outcomes.put(igdbId, FetchOutcome.fetched(key, toGame(game, path + " [" + index + "]", key)));
            } catch (ProviderException invalid) {
                log.warn("{}", invalid.getMessage());
                outcomes.put(igdbId, FetchOutcome.failed(key, invalid));
            }
        }
        for (long id : ids) {
            if (!outcomes.containsKey(id)) {
                MediaKey key = MediaKey.of(MediaType.GAME, id);
                outcomes.put(id, FetchOutcome.failed(key, unattributable
                        ? ProviderException.invalidPayload(Provider.IGDB, path + " answered games without ids; "
                        + "cannot tell whether it knows " + key, null)
                        : ProviderException.notFound(MediaType.GAME, "IGDB has no game " + id)));
            }
        }
        return outcomes;
    }

    private Game toGame(JsonNode node, String where, MediaKey key) {
        IgdbResponses.Game game;
        try {
            // Read again from its own bytes, so that ProviderBodies' limits (a string of 2 MB) apply to this game alone.
            game = bodies.json().readValue(WHOLE_ANSWER.writeValueAsBytes(node), IgdbResponses.Game.class);
        } catch (JacksonException malformed) {
            throw ProviderException.invalidPayload(Provider.IGDB, where + " (game " + key.id() + ") is not what IGDB documents"
                    + ProviderBodies.where(malformed) + ": " + malformed.getOriginalMessage(), malformed);
        }
        if (game.name() == null || game.name().isBlank()) {
            throw ProviderException.invalidPayload(Provider.IGDB, where + " (game " + key.id() + ") has no name", null);
        }
        return mapped(key, () -> IgdbGameMapper.toGame(game));
    }

    /** A failure while mapping parsed records can only come from a shape we did not foresee: this item's payload problem. */
    private static Game mapped(MediaKey key, Supplier<Game> mapping) {
        try {
            return mapping.get();
        } catch (RuntimeException unforeseen) {
            throw ProviderException.invalidPayload(Provider.IGDB, "the body of " + key + " cannot be mapped: " + unforeseen, unforeseen);
        }
    }

    /** For tests and logs: what is missing, never a value. */
    @Override
    public String toString() {
        return "IgdbProvider[missingSettings=" + missingSettings + "]";
    }
}
