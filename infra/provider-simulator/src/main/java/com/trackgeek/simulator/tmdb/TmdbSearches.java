package com.trackgeek.simulator.tmdb;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The recorded answers of TMDB's {@code /search/movie} and {@code /search/tv}, by the query their file names
 * record: {@code search-movie-star-wars-year-1977.json} answers {@code query=star wars&year=1977} (query
 * compared case-insensitively, blanks collapsed). A recorded search answers its recorded page 1; a later page
 * within its {@code total_pages} and any query not recorded get an empty page with the same fields, so the fake
 * never invents hits that a fetch by id would contradict.
 */
final class TmdbSearches {

    private static final Pattern SEARCH_FILE = Pattern.compile("search-(movie|tv)-(.+?)(?:-year-(\\d{4}))?\\.json");

    private final Map<String, ObjectNode> recorded = new HashMap<>();
    /** Every recorded hit by kind and id: a fetch of a hit that is not a recorded item shows what its hit said. */
    private final Map<String, Map<Long, ObjectNode>> hits = new HashMap<>();
    private final JsonMapper json;

    private TmdbSearches(JsonMapper json) {
        this.json = json;
    }

    static TmdbSearches load(Path folder, JsonMapper json) {
        TmdbSearches searches = new TmdbSearches(json);
        if (!Files.isDirectory(folder)) {
            return searches;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                Matcher name = SEARCH_FILE.matcher(file.getFileName().toString());
                if (name.matches() && json.readTree(file.toFile()) instanceof ObjectNode body) {
                    searches.recorded.put(key(name.group(1), name.group(2).replace('-', ' '), name.group(3)), body);
                    for (JsonNode hit : body.path("results")) {
                        if (hit instanceof ObjectNode result && hit.path("id").canConvertToLong()) {
                            searches.hits.computeIfAbsent(name.group(1), kind -> new HashMap<>())
                                    .putIfAbsent(hit.get("id").asLong(), result);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the TMDB searches in " + folder, e);
        }
        return searches;
    }

    /** @param kind {@code movie} or {@code tv} */
    ObjectNode answer(String kind, String query, String year, int page) {
        ObjectNode found = recorded.get(key(kind, query, year));
        if (found != null && page == found.path("page").asInt(1)) {
            return found.deepCopy();
        }
        ObjectNode empty = json.createObjectNode();
        empty.put("page", page);
        empty.putArray("results");
        empty.put("total_pages", found == null ? 1 : found.path("total_pages").asInt(1));
        empty.put("total_results", found == null ? 0 : found.path("total_results").asLong(0));
        return empty;
    }

    /** The recorded search hit with this id, if any search recorded one: {@code kind} is movie or tv. */
    Optional<ObjectNode> hit(String kind, long id) {
        return Optional.ofNullable(hits.getOrDefault(kind, Map.of()).get(id));
    }

    private static String key(String kind, String query, String year) {
        String normalised = query == null ? "" : query.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return kind + "|" + normalised + "|" + (year == null || year.isBlank() ? "" : year.strip());
    }

}
