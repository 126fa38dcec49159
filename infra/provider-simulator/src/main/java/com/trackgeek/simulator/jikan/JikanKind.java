package com.trackgeek.simulator.jikan;

import java.util.Locale;
import java.util.Optional;

/** The two kinds of MyAnimeList item Jikan serves by id; they share ids' ranges but not their bodies. */
enum JikanKind {
    ANIME, MANGA;

    /** As the kind appears in Jikan's paths and MAL's URLs: {@code anime}, {@code manga}. */
    String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<JikanKind> ofPath(String path) {
        for (JikanKind kind : values()) {
            if (kind.path().equals(path)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
