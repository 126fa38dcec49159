package com.trackgeek.simulator.jikan;

import java.util.Locale;
import java.util.Optional;

/** The per-anime lists Jikan serves under {@code /anime/{id}/...}. */
enum SubResource {
    CHARACTERS, STAFF, VIDEOS;

    String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<SubResource> ofPath(String path) {
        for (SubResource resource : values()) {
            if (resource.path().equals(path)) {
                return Optional.of(resource);
            }
        }
        return Optional.empty();
    }
}
