package com.trackgeek.contracts.bulk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.trackgeek.contracts.MediaType;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which items a bulk sync covers, as the JSON property {@code kind} names it: a broadcast season, one of a
 * provider's top lists, an explicit list of ids, or a provider's whole catalog. A selector only names the items;
 * the provider of {@link #type()} lists the ids of a season, a top list or a catalog page by page, and the
 * bulk engine has the ids of {@link Ids} already.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = BulkSelector.Season.class, name = "SEASON"),
        @JsonSubTypes.Type(value = BulkSelector.TopList.class, name = "TOP"),
        @JsonSubTypes.Type(value = BulkSelector.Ids.class, name = "IDS"),
        @JsonSubTypes.Type(value = BulkSelector.Catalog.class, name = "CATALOG")
})
public sealed interface BulkSelector {

    /** The most ids one {@link Ids} selector may carry: larger sets are several commands (or a catalog). */
    int MAX_IDS = 10_000;

    MediaType type();

    /**
     * Every anime of a broadcast season, every page of Jikan's {@code /seasons/{year}/{season}}. ANIME only:
     * Jikan (MyAnimeList) has broadcast seasons for anime, not for manga or any other provider's type.
     * JSON: {@code {"kind":"SEASON","type":"ANIME","year":2018,"season":"winter"}}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Season(MediaType type, int year, SeasonName season) implements BulkSelector {

        /** MyAnimeList's seasons start with 1917's; beyond next year nothing is announced. */
        static final int FIRST_YEAR = 1917;
        static final int LAST_YEAR = 2100;

        public Season {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(season, "season");
            if (type != MediaType.ANIME) {
                throw new IllegalArgumentException("a season selector is valid for ANIME only (Jikan has broadcast "
                        + "seasons for anime only), not " + type);
            }
            if (year < FIRST_YEAR || year > LAST_YEAR) {
                throw new IllegalArgumentException("a season's year must be between " + FIRST_YEAR + " and "
                        + LAST_YEAR + ", was " + year);
            }
        }
    }

    /**
     * One of the provider's ranked lists, e.g. Jikan's {@code bypopularity} or TMDB's {@code popular}; each
     * provider says which lists it has for a type (the README lists them). A list the provider does not have
     * fails the job with {@code BULK_SELECTOR_NOT_SUPPORTED}. The name is kept in lower case, as every provider's.
     * JSON: {@code {"kind":"TOP","type":"MOVIE","list":"popular"}}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TopList(MediaType type, String list) implements BulkSelector {

        public TopList {
            Objects.requireNonNull(type, "type");
            if (list == null || list.isBlank()) {
                throw new IllegalArgumentException("a top list selector needs the list's name");
            }
            list = list.strip().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Explicit ids of one type: 1 to {@value BulkSelector#MAX_IDS} positive ids; a repeated id is kept once, at
     * its first place. JSON: {@code {"kind":"IDS","type":"GAME","ids":[1942,19560]}}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Ids(MediaType type, List<Long> ids) implements BulkSelector {

        public Ids {
            Objects.requireNonNull(type, "type");
            if (ids == null || ids.isEmpty() || ids.size() > MAX_IDS) {
                throw new IllegalArgumentException("an ids selector needs 1 to " + MAX_IDS + " ids, had "
                        + (ids == null ? 0 : ids.size()));
            }
            for (Long id : ids) {
                if (id == null || id < 1) {
                    throw new IllegalArgumentException("ids must be positive, had " + id);
                }
            }
            ids = List.copyOf(new LinkedHashSet<>(ids));
        }
    }

    /**
     * Every item of the type the provider can list affordably: IGDB's games, TMDB's movies and TV shows when its
     * daily id export file is configured. JSON: {@code {"kind":"CATALOG","type":"GAME"}}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Catalog(MediaType type) implements BulkSelector {

        public Catalog {
            Objects.requireNonNull(type, "type");
        }
    }
}
