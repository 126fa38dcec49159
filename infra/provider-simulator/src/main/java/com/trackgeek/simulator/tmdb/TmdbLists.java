package com.trackgeek.simulator.tmdb;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TMDB's ranked lists, {@code /movie/popular}, {@code /movie/top_rated}, {@code /tv/popular} and
 * {@code /tv/top_rated}: pages of {@value #PAGE_SIZE}, at most {@value #MAX_PAGES} pages as TMDB serves. The
 * recorded items of the kind come first (by their recorded popularity or vote average), then synthesised ids
 * the catalog also serves by id, so a listed entry and its fetch agree. Lists hold ids only; a page renders its
 * entries from {@link TmdbCatalog}'s body of each (its plain values, as TMDB's list entries are).
 */
final class TmdbLists {

    static final int PAGE_SIZE = 20;
    static final int MAX_PAGES = 500;
    /** Every list is as long as TMDB lets anyone page through. */
    static final int LIST_SIZE = PAGE_SIZE * MAX_PAGES;

    /** The synthesised ids of a list: an arithmetic run, a different one per list so that lists differ. */
    private static final Map<String, long[]> RUNS = Map.of(
            "popular", new long[]{11, 97},
            "top_rated", new long[]{3, 89});

    private final TmdbFixtures fixtures;
    private final TmdbCatalog catalog;
    private final TmdbProperties properties;
    private final JsonMapper json;
    private final Map<String, List<Long>> lists = new ConcurrentHashMap<>();

    TmdbLists(TmdbFixtures fixtures, TmdbCatalog catalog, TmdbProperties properties, JsonMapper json) {
        this.fixtures = fixtures;
        this.catalog = catalog;
        this.properties = properties;
        this.json = json;
    }

    /** Page {@code page} (1..500) of {@code kind}'s {@code list}; empty past the end, as on TMDB. */
    ObjectNode page(String kind, String list, int page) {
        List<Long> ids = lists.computeIfAbsent(kind + "/" + list, key -> build(kind, list));
        int from = Math.min((page - 1) * PAGE_SIZE, ids.size());
        int to = Math.min(from + PAGE_SIZE, ids.size());
        ObjectNode answer = json.createObjectNode();
        answer.put("page", page);
        var results = answer.putArray("results");
        for (long id : ids.subList(from, to)) {
            entry(kind, id).ifPresent(results::add);
        }
        answer.put("total_pages", (ids.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        answer.put("total_results", ids.size());
        return answer;
    }

    private List<Long> build(String kind, String list) {
        String ranking = "popular".equals(list) ? "popularity" : "vote_average";
        List<Long> recorded = fixtures.recordedIds(kind).stream()
                .sorted(Comparator.comparingDouble((Long id) -> -fixtures.item(kind, id).orElseThrow().base().path(ranking).asDouble())
                        .thenComparingLong(id -> id))
                .toList();
        List<Long> ids = new ArrayList<>(recorded);
        long[] run = RUNS.get(list);
        for (long k = 0; ids.size() < LIST_SIZE; k++) {
            long id = run[0] + k * run[1];
            if (!properties.exists(id)) {
                break;
            }
            if (!recorded.contains(id)) {
                ids.add(id);
            }
        }
        return List.copyOf(ids);
    }

    private Optional<ObjectNode> entry(String kind, long id) {
        Optional<ObjectNode> item = "movie".equals(kind) ? catalog.movie(id, List.of()) : catalog.show(id, List.of());
        return item.map(body -> {
            ObjectNode entry = json.createObjectNode();
            for (var field : body.properties()) {
                JsonNode value = field.getValue();
                if (value.isValueNode()) {
                    entry.set(field.getKey(), value);
                }
            }
            return entry;
        });
    }
}
