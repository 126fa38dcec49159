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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads {@code <fixtures-dir>/jikan/*.json} once at start-up.
 *
 * <p>Anime and manga objects are collected from anywhere in any file (details, searches, season lists),
 * so a single recorded season page makes 25 real titles fetchable by id.
 */
final class JikanFixtureLoader {

    private static final Logger log = LoggerFactory.getLogger(JikanFixtureLoader.class);

    /** {@code anime-11757-sao-characters.json}: the recorded request's kind, item id and sub-resource. */
    private static final Pattern SUB_RESOURCE_FILE =
            Pattern.compile("(anime|manga)-(\\d+)(?:-.*)?-(characters|staff|videos)\\.json");

    /**
     * A MAL anime or manga page URL whose id segment is the object's own mal_id. Producer, magazine and
     * genre references (…/anime/producer/17/…) share the prefix but not the id, so they are not items.
     */
    private static final Pattern ITEM_URL =
            Pattern.compile("https?://myanimelist\\.net/(anime|manga)/(\\d+)(?:[/?#].*)?");

    /** Top-level keys Jikan itself sends; anything else was added by whoever recorded the fixture. */
    private static final List<String> ENVELOPE_KEYS = List.of("data", "pagination", "links", "meta");

    private final JsonMapper jsonMapper;

    JikanFixtureLoader(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    JikanFixtures load(Path jikanDir) {
        if (!Files.isDirectory(jikanDir)) {
            log.warn("Jikan fixtures folder {} not found: serving synthesised anime and manga only "
                    + "(set simulator.fixtures-dir)", jikanDir.toAbsolutePath().normalize());
            return JikanFixtures.empty();
        }
        Map<JikanKind, Map<Long, ObjectNode>> items = new EnumMap<>(JikanKind.class);
        for (JikanKind kind : JikanKind.values()) {
            items.put(kind, new HashMap<>());
        }
        Map<JikanFixtures.Key, JsonNode> subResources = new HashMap<>();
        for (Path file : jsonFiles(jikanDir)) {
            JsonNode body = read(file);
            if (body == null) {
                continue;
            }
            collectItems(body, items);
            Matcher subResource = SUB_RESOURCE_FILE.matcher(file.getFileName().toString());
            if (subResource.matches() && body instanceof ObjectNode object) {
                JikanKind kind = JikanKind.ofPath(subResource.group(1)).orElseThrow();
                long malId = Long.parseLong(subResource.group(2));
                SubResource resource = SubResource.ofPath(subResource.group(3)).orElseThrow();
                subResources.put(new JikanFixtures.Key(kind, malId, resource),
                        object.deepCopy().retain(ENVELOPE_KEYS));
            }
        }
        Map<Long, ObjectNode> anime = items.get(JikanKind.ANIME);
        Map<Long, ObjectNode> manga = items.get(JikanKind.MANGA);
        log.info("Jikan fixtures from {}: {} anime, {} manga, {} characters/staff/videos bodies",
                jikanDir.toAbsolutePath().normalize(), anime.size(), manga.size(), subResources.size());
        return new JikanFixtures(Map.copyOf(anime), Map.copyOf(manga), Map.copyOf(subResources));
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

    private static void collectItems(JsonNode node, Map<JikanKind, Map<Long, ObjectNode>> items) {
        if (node instanceof ObjectNode object) {
            kindOf(object).ifPresent(kind -> items.get(kind)
                    .merge(object.get("mal_id").asLong(), object, JikanFixtureLoader::richer));
        }
        for (JsonNode child : node.values()) {
            collectItems(child, items);
        }
    }

    static boolean isAnime(ObjectNode object) {
        return kindOf(object).filter(JikanKind.ANIME::equals).isPresent();
    }

    /** Whether the object is an anime or manga body: its url is the MAL page of its own mal_id. */
    static Optional<JikanKind> kindOf(ObjectNode object) {
        JsonNode malId = object.get("mal_id");
        JsonNode url = object.get("url");
        if (malId == null || !malId.isIntegralNumber() || url == null || !url.isString()
                || !object.has("title")) {
            // Relation entries ({mal_id,type,name,url}) point at items but are not item bodies.
            return Optional.empty();
        }
        Matcher page = ITEM_URL.matcher(url.stringValue());
        if (!page.matches() || Long.parseLong(page.group(2)) != malId.asLong()) {
            return Optional.empty();
        }
        return JikanKind.ofPath(page.group(1));
    }

    /** A /full body beats a plain one, which beats a list entry that lost fields. */
    private static ObjectNode richer(ObjectNode current, ObjectNode candidate) {
        return candidate.size() > current.size() ? candidate : current;
    }
}
