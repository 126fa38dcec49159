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
 * @param subResources characters/staff/videos bodies by anime id, reduced to Jikan's own top-level keys
 */
record JikanFixtures(Map<Long, ObjectNode> anime, Map<Key, JsonNode> subResources) {

    record Key(long malId, SubResource resource) {
    }

    static JikanFixtures empty() {
        return new JikanFixtures(Map.of(), Map.of());
    }

    Optional<ObjectNode> anime(long malId) {
        return Optional.ofNullable(anime.get(malId));
    }

    Collection<ObjectNode> allAnime() {
        return anime.values();
    }

    Optional<JsonNode> subResource(long malId, SubResource resource) {
        return Optional.ofNullable(subResources.get(new Key(malId, resource)));
    }
}
