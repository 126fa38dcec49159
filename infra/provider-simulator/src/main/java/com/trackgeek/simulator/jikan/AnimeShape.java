package com.trackgeek.simulator.jikan;

import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The one difference between Jikan's two anime shapes: {@code /anime/{id}/full} appends four keys
 * that {@code /anime/{id}} and every list omit.
 */
final class AnimeShape {

    static final List<String> FULL_ONLY_KEYS = List.of("relations", "theme", "external", "streaming");

    private AnimeShape() {
    }

    /** A copy in /full shape; keys a plain fixture lacks get the values of an anime without any. */
    static ObjectNode full(ObjectNode anime) {
        ObjectNode full = anime.deepCopy();
        if (!full.has("relations")) {
            full.set("relations", full.arrayNode());
        }
        if (!full.has("theme")) {
            ObjectNode theme = full.objectNode();
            theme.set("openings", full.arrayNode());
            theme.set("endings", full.arrayNode());
            full.set("theme", theme);
        }
        if (!full.has("external")) {
            full.set("external", full.arrayNode());
        }
        if (!full.has("streaming")) {
            full.set("streaming", full.arrayNode());
        }
        return full;
    }

    /** A copy in the plain shape used by /anime/{id}, searches, seasons and top lists. */
    static ObjectNode plain(ObjectNode anime) {
        return anime.deepCopy().remove(FULL_ONLY_KEYS);
    }
}
