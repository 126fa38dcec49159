package com.trackgeek.simulator.jikan;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The real Jikan bodies found in the fixtures folder. Nodes are shared: callers copy before changing.
 *
 * @param anime        every anime object found anywhere in the files, by mal_id (the richest one wins)
 * @param manga        every manga object, collected the same way
 * @param subResources characters/staff/videos bodies by item, reduced to Jikan's own top-level keys
 */
record JikanFixtures(Map<Long, ObjectNode> anime, Map<Long, ObjectNode> manga, Map<Key, JsonNode> subResources) {

    record Key(JikanKind kind, long malId, SubResource resource) {
    }

    static JikanFixtures empty() {
        return new JikanFixtures(Map.of(), Map.of(), Map.of());
    }

    Optional<ObjectNode> anime(long malId) {
        return Optional.ofNullable(anime.get(malId));
    }

    Collection<ObjectNode> allAnime() {
        return anime.values();
    }

    Optional<ObjectNode> manga(long malId) {
        return Optional.ofNullable(manga.get(malId));
    }

    Collection<ObjectNode> allManga() {
        return manga.values();
    }

    Optional<ObjectNode> item(JikanKind kind, long malId) {
        return kind == JikanKind.ANIME ? anime(malId) : manga(malId);
    }

    Optional<JsonNode> subResource(JikanKind kind, long malId, SubResource resource) {
        return Optional.ofNullable(subResources.get(new Key(kind, malId, resource)));
    }

    /** An anime's recorded characters, staff or videos. */
    Optional<JsonNode> subResource(long malId, SubResource resource) {
        return subResource(JikanKind.ANIME, malId, resource);
    }
}
