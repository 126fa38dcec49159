package com.trackgeek.simulator.jikan;

import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The one difference between Jikan's two manga shapes: {@code /manga/{id}/full} appends two keys that
 * {@code /manga/{id}} and every list omit (compare fixtures/jikan/manga-25-*.json).
 */
final class MangaShape {

    static final List<String> FULL_ONLY_KEYS = List.of("relations", "external");

    private MangaShape() {
    }

    /** A copy in /full shape; a manga recorded only in a list gets the values of a manga without any. */
    static ObjectNode full(ObjectNode manga) {
        ObjectNode full = manga.deepCopy();
        for (String key : FULL_ONLY_KEYS) {
            if (!full.has(key)) {
                full.set(key, full.arrayNode());
            }
        }
        return full;
    }

    /** A copy in the plain shape of /manga/{id}. */
    static ObjectNode plain(ObjectNode manga) {
        return manga.deepCopy().remove(FULL_ONLY_KEYS);
    }
}
