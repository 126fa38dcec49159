package com.trackgeek.simulator.jikan;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads {@code <fixtures-dir>/jikan/*.json} once at start-up.
 *
 * <p>Anime objects are collected from anywhere in any file (details, searches, season lists), so a
 * single recorded season page makes 25 real titles fetchable by id.
 */
final class JikanFixtureLoader {

    private static final Logger log = LoggerFactory.getLogger(JikanFixtureLoader.class);

    /** {@code anime-11757-sao-characters.json}: the recorded request's anime id and sub-resource. */
    private static final Pattern SUB_RESOURCE_FILE =
            Pattern.compile("anime-(\\d+)(?:-.*)?-(characters|staff|videos)\\.json");

    /**
     * A MAL anime page URL whose id segment is the object's own mal_id. Producer and genre references
     * (…/anime/producer/17/…) share the prefix but not the id, so they are not anime.
     */
    private static final Pattern ANIME_URL = Pattern.compile("https?://myanimelist\\.net/anime/(\\d+)(?:[/?#].*)?");

    /** Top-level keys Jikan itself sends; anything else was added by whoever recorded the fixture. */
    private static final List<String> ENVELOPE_KEYS = List.of("data", "pagination", "links", "meta");

    private final JsonMapper jsonMapper;

    JikanFixtureLoader(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    JikanFixtures load(Path jikanDir) {
        if (!Files.isDirectory(jikanDir)) {
            log.warn("Jikan fixtures folder {} not found: serving synthesised anime only "
                    + "(set simulator.fixtures-dir)", jikanDir.toAbsolutePath().normalize());
            return JikanFixtures.empty();
        }
        Map<Long, ObjectNode> anime = new HashMap<>();
        Map<JikanFixtures.Key, JsonNode> subResources = new HashMap<>();
        for (Path file : jsonFiles(jikanDir)) {
            JsonNode body = read(file);
            if (body == null) {
                continue;
            }
            collectAnime(body, anime);
            Matcher subResource = SUB_RESOURCE_FILE.matcher(file.getFileName().toString());
            if (subResource.matches() && body instanceof ObjectNode object) {
                long malId = Long.parseLong(subResource.group(1));
                SubResource resource = SubResource.ofPath(subResource.group(2)).orElseThrow();
                subResources.put(new JikanFixtures.Key(malId, resource), object.deepCopy().retain(ENVELOPE_KEYS));
            }
        }
        log.info("Jikan fixtures from {}: {} anime, {} characters/staff/videos bodies",
                jikanDir.toAbsolutePath().normalize(), anime.size(), subResources.size());
        return new JikanFixtures(Map.copyOf(anime), Map.copyOf(subResources));
    }

    private static List<Path> jsonFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            // Sorted, so which of two equally rich copies of an item wins does not depend on the file system.
            return files.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(Path::getFileName))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    private JsonNode read(Path file) {
        try {
            return jsonMapper.readTree(file);
        } catch (JacksonException e) {
            log.warn("Skipping Jikan fixture {}: not JSON ({})", file, e.getOriginalMessage());
            return null;
        }
    }

    private static void collectAnime(JsonNode node, Map<Long, ObjectNode> anime) {
        if (node instanceof ObjectNode object && isAnime(object)) {
            anime.merge(object.get("mal_id").asLong(), object, JikanFixtureLoader::richer);
        }
        for (JsonNode child : node.values()) {
            collectAnime(child, anime);
        }
    }

    static boolean isAnime(ObjectNode object) {
        JsonNode malId = object.get("mal_id");
        JsonNode url = object.get("url");
        if (malId == null || !malId.isIntegralNumber() || url == null || !url.isString()
                || !object.has("title")) {
            // Relation entries ({mal_id,type,name,url}) point at anime but are not anime bodies.
            return false;
        }
        Matcher page = ANIME_URL.matcher(url.stringValue());
        return page.matches() && Long.parseLong(page.group(1)) == malId.asLong();
    }

    /** A /full body beats a plain one, which beats a list entry that lost fields. */
    private static ObjectNode richer(ObjectNode current, ObjectNode candidate) {
        return candidate.size() > current.size() ? candidate : current;
    }
}
