package com.trackgeek.simulator.tmdb;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every movie and show the simulated TMDB knows, composed as TMDB composes an answer: the item's base body
 * plus one key per {@code append_to_response} entry ({@code credits}, {@code videos}, {@code season/N}, or
 * any other append recorded with it). Recorded bodies are served as recorded; what was not recorded is
 * synthesised consistently (a recorded item without recorded credits has none; a recorded show's missing
 * seasons follow its {@code seasons} list). Unknown appends are left out, as TMDB leaves them out.
 */
final class TmdbCatalog {

    private static final Pattern SEASON_APPEND = Pattern.compile("season/(\\d+)");

    private final TmdbFixtures fixtures;
    private final SyntheticTmdb synthetic;
    private final TmdbScript script;
    private final TmdbProperties properties;
    private final TmdbSearches searches;

    TmdbCatalog(TmdbFixtures fixtures, SyntheticTmdb synthetic, TmdbScript script, TmdbProperties properties,
                TmdbSearches searches) {
        this.fixtures = fixtures;
        this.searches = searches;
        this.synthetic = synthetic;
        this.script = script;
        this.properties = properties;
    }

    Optional<ObjectNode> movie(long id, List<String> appends) {
        long source = script.sourceOf("movie", id);
        if (!known("movie", id, source)) {
            return Optional.empty();
        }
        var recorded = fixtures.item("movie", source);
        boolean recordedBase = recorded.map(item -> item.base() != null).orElse(false);
        ObjectNode movie = recordedBase ? recorded.get().base().deepCopy() : asSearched("movie", source, synthetic.movie(source));
        movie.put("id", id);
        Map<String, JsonNode> recordedAppends = recorded.map(TmdbFixtures.Recorded::appends).orElse(Map.of());
        for (String append : appends) {
            JsonNode part = recordedAppends.get(append);
            if (part != null) {
                movie.set(append, withId(part, id));
            } else if ("credits".equals(append)) {
                movie.set(append, recordedBase ? synthetic.noCredits(id) : synthetic.credits(id));
            } else if ("videos".equals(append)) {
                movie.set(append, synthetic.noVideos(id));
            }
        }
        return Optional.of(movie);
    }

    Optional<ObjectNode> show(long id, List<String> appends) {
        long source = script.sourceOf("tv", id);
        if (!known("tv", id, source)) {
            return Optional.empty();
        }
        var recorded = fixtures.item("tv", source);
        boolean recordedBase = recorded.map(item -> item.base() != null).orElse(false);
        ObjectNode show = recordedBase ? recorded.get().base().deepCopy() : asSearched("tv", source, synthesisedShow(id, source));
        show.put("id", id);
        Map<String, JsonNode> recordedAppends = recorded.map(TmdbFixtures.Recorded::appends).orElse(Map.of());
        for (String append : appends) {
            JsonNode part = recordedAppends.get(append);
            Matcher season = SEASON_APPEND.matcher(append);
            if (part != null) {
                show.set(append, withId(part, id));
            } else if ("credits".equals(append)) {
                show.set(append, recordedBase ? synthetic.noCredits(id) : synthetic.credits(id));
            } else if ("videos".equals(append)) {
                show.set(append, synthetic.noVideos(id));
            } else if (season.matches()) {
                season(show, source, Integer.parseInt(season.group(1))).ifPresent(body -> show.set(append, body));
            }
        }
        return Optional.of(show);
    }

    /** {@code /tv/{id}/season/{n}}. */
    Optional<ObjectNode> season(long id, int number) {
        return show(id, List.of()).flatMap(show -> season(show, script.sourceOf("tv", id), number));
    }

    private Optional<ObjectNode> season(ObjectNode show, long source, int number) {
        ObjectNode recorded = fixtures.seasons(source).get(number);
        if (recorded != null) {
            return Optional.of(recorded.deepCopy());
        }
        for (JsonNode summary : show.path("seasons")) {
            if (summary.path("season_number").asInt(-1) == number) {
                return Optional.of(synthetic.season(source, summary));
            }
        }
        return Optional.empty();
    }

    private ObjectNode synthesisedShow(long id, long source) {
        Map<Integer, ObjectNode> recordedSeasons = fixtures.seasons(source);
        Integer scripted = script.seasonCount(id);
        int seasons = scripted != null ? scripted
                : Math.max(recordedSeasons.keySet().stream().mapToInt(Integer::intValue).max().orElse(0),
                1 + (int) Math.floorMod(source * 31 + properties.seed(), 5L));
        return synthetic.show(source, seasons, recordedSeasons);
    }

    private boolean known(String kind, long id, long source) {
        return script.scripted(kind, id) || fixtures.has(kind, source) || searches.hit(kind, source).isPresent()
                || properties.exists(source);
    }

    /**
     * A synthesised item that a recorded search lists takes that hit's plain values (title or name, overview,
     * dates, poster, votes, ...), so a search hit and its fetch agree, as they do at TMDB.
     */
    private ObjectNode asSearched(String kind, long source, ObjectNode synthesised) {
        searches.hit(kind, source).ifPresent(hit -> hit.properties().forEach(field -> {
            if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                synthesised.set(field.getKey(), field.getValue());
            }
        }));
        return synthesised;
    }

    private static JsonNode withId(JsonNode part, long id) {
        JsonNode copy = part.deepCopy();
        if (copy instanceof ObjectNode object && object.has("id")) {
            object.put("id", id);
        }
        return copy;
    }
}
