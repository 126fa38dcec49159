package com.trackgeek.simulator.tmdb;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The recorded TMDB bodies, by what they are rather than by file name: a detail body (it has a title or a
 * name), a credits body (cast and crew) or a videos body (results) of {@code movie-<id>-*.json} /
 * {@code tv-<id>-*.json}, and seasons from {@code tv-<id>-season-<n>*.json}. A detail recorded with
 * {@code append_to_response} keeps its appended parts apart from its base, so a request is answered with
 * what it asks for, composed as TMDB composes it.
 */
final class TmdbFixtures {

    /** Keys TMDB appends on request; never part of a base body. */
    static final Set<String> APPENDABLE = Set.of("credits", "videos", "external_ids", "release_dates", "reviews",
            "watch/providers", "aggregate_credits", "content_ratings", "images", "keywords", "recommendations",
            "similar", "translations", "alternative_titles");

    private static final Pattern ITEM_FILE = Pattern.compile("(movie|tv)-(\\d+)-.*\\.json");
    private static final Pattern SEASON_FILE = Pattern.compile("tv-(\\d+)-season-(\\d+).*\\.json");

    /** A recorded movie or show: its base body (or none) and its recorded appends. */
    record Recorded(ObjectNode base, Map<String, JsonNode> appends) {
    }

    private final Map<String, Recorded> items = new HashMap<>();
    private final Map<Long, Map<Integer, ObjectNode>> seasons = new HashMap<>();

    static TmdbFixtures load(Path folder, JsonMapper json) {
        TmdbFixtures fixtures = new TmdbFixtures();
        if (!Files.isDirectory(folder)) {
            return fixtures;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                fixtures.add(file.getFileName().toString(), json.readTree(file.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the TMDB fixtures in " + folder, e);
        }
        return fixtures;
    }

    private void add(String fileName, JsonNode body) {
        Matcher season = SEASON_FILE.matcher(fileName);
        if (season.matches() && body instanceof ObjectNode object) {
            seasons.computeIfAbsent(Long.parseLong(season.group(1)), id -> new HashMap<>())
                    .put(Integer.parseInt(season.group(2)), object);
            return;
        }
        Matcher item = ITEM_FILE.matcher(fileName);
        if (!item.matches() || !(body instanceof ObjectNode object)) {
            return;
        }
        String key = item.group(1) + "/" + item.group(2);
        Recorded recorded = items.computeIfAbsent(key, k -> new Recorded(null, new HashMap<>()));
        if (object.has("title") || object.has("name")) {
            ObjectNode base = object.deepCopy();
            for (String appendable : List.copyOf(base.propertyNames())) {
                if (APPENDABLE.contains(appendable)) {
                    recorded.appends().put(appendable, base.remove(appendable));
                }
            }
            items.put(key, new Recorded(base, recorded.appends()));
        } else if (object.has("cast") || object.has("crew")) {
            recorded.appends().put("credits", object);
        } else if (object.has("results")) {
            recorded.appends().put("videos", object);
        }
    }

    /** @param kind {@code movie} or {@code tv} */
    Optional<Recorded> item(String kind, long id) {
        return Optional.ofNullable(items.get(kind + "/" + id));
    }

    Map<Integer, ObjectNode> seasons(long showId) {
        return seasons.getOrDefault(showId, Map.of());
    }

    /** The ids of the recorded items of {@code kind} (a base body recorded, not only appends), ascending. */
    List<Long> recordedIds(String kind) {
        return items.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(kind + "/") && entry.getValue().base() != null)
                .map(entry -> Long.parseLong(entry.getKey().substring(kind.length() + 1)))
                .sorted().toList();
    }

    boolean has(String kind, long id) {
        return items.containsKey(kind + "/" + id) || ("tv".equals(kind) && seasons.containsKey(id));
    }
}
