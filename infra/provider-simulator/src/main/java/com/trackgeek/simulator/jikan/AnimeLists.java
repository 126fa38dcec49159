package com.trackgeek.simulator.jikan;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The ids on Jikan's lists (seasons, top, search), recorded items first. Lists hold ids only: a page
 * renders its 25 entries through {@link AnimeCatalog}, so an entry always equals the item fetched by id.
 */
final class AnimeLists {

    private final JikanFixtures fixtures;
    private final SyntheticLayout layout;
    private final JikanProperties properties;
    private final List<Long> top;
    private final List<SearchEntry> searchable;

    /** Titles lower-cased once here rather than on every search over ~20k entries. */
    private record SearchEntry(long malId, String title, String titleEnglish) {

        SearchEntry {
            title = lowerCase(title);
            titleEnglish = lowerCase(titleEnglish);
        }

        boolean matches(String needle) {
            return title.contains(needle) || titleEnglish.contains(needle);
        }

        private static String lowerCase(String text) {
            return text == null ? "" : text.toLowerCase(Locale.ROOT);
        }
    }

    AnimeLists(JikanFixtures fixtures, SyntheticLayout layout, SyntheticTitles titles, JikanProperties properties) {
        this.fixtures = fixtures;
        this.layout = layout;
        this.properties = properties;
        this.top = buildTop();
        this.searchable = buildSearchable(titles);
    }

    /** Recorded titles of the season by popularity, then the synthesised ones padding it out. */
    List<Long> season(SeasonKey season) {
        Stream<Long> recorded = fixtures.allAnime().stream()
                .filter(anime -> SyntheticLayout.seasonField(anime).filter(season::equals).isPresent())
                .sorted(Comparator.comparingLong((ObjectNode anime) -> -anime.path("members").asLong())
                        .thenComparingLong(AnimeLists::malId))
                .map(AnimeLists::malId);
        Stream<Long> synthesised = synthesisedThatExist(layout.seasonIds(season).boxed());
        return Stream.concat(recorded, synthesised).toList();
    }

    /** Rank 1 first; a rank held by a recorded item is not synthesised again. */
    List<Long> top() {
        return top;
    }

    /** Case-insensitive substring over the default and English titles; an empty query lists everything. */
    List<Long> search(String query) {
        String needle = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return searchable.stream().filter(entry -> entry.matches(needle)).map(SearchEntry::malId).toList();
    }

    private List<Long> buildTop() {
        Map<Integer, List<Long>> recordedByRank = new TreeMap<>();
        fixtures.allAnime().stream()
                .filter(anime -> anime.path("rank").isIntegralNumber())
                .sorted(Comparator.comparingLong(AnimeLists::malId))
                .forEach(anime -> recordedByRank
                        .computeIfAbsent(anime.path("rank").asInt(), rank -> new ArrayList<>())
                        .add(malId(anime)));
        List<Long> ids = new ArrayList<>();
        for (int rank = 1; rank <= layout.topSize(); rank++) {
            List<Long> recorded = recordedByRank.get(rank);
            if (recorded != null) {
                ids.addAll(recorded);
            } else if (properties.exists(layout.topId(rank))) {
                ids.add(layout.topId(rank));
            }
        }
        return List.copyOf(ids);
    }

    private List<SearchEntry> buildSearchable(SyntheticTitles titles) {
        Stream<SearchEntry> recorded = fixtures.allAnime().stream()
                .sorted(Comparator.comparingLong(AnimeLists::malId))
                .map(anime -> new SearchEntry(malId(anime), text(anime, "title"), text(anime, "title_english")));
        Stream<SearchEntry> synthesised = synthesisedThatExist(layout.listedIds().boxed())
                .map(malId -> {
                    SyntheticTitles.Title title = titles.of(malId);
                    return new SearchEntry(malId, title.romaji(), title.english());
                });
        return Stream.concat(recorded, synthesised).toList();
    }

    private Stream<Long> synthesisedThatExist(Stream<Long> ids) {
        return ids.filter(properties::exists).filter(malId -> fixtures.anime(malId).isEmpty());
    }

    private static long malId(JsonNode anime) {
        return anime.path("mal_id").asLong();
    }

    private static String text(JsonNode anime, String field) {
        JsonNode value = anime.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
