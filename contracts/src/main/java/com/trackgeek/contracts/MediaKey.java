package com.trackgeek.contracts;

import java.util.Objects;

/**
 * Identifies one item: its media type and the id its provider gives it (MAL id, TMDB id, IGDB id,
 * Hardcover id). All four providers use positive integer ids.
 *
 * <p>{@link #toString()} is also the Kafka record key of every message about the item, so that all
 * messages about one item land on one partition, in order.
 */
public record MediaKey(MediaType type, long id) {

    public MediaKey {
        Objects.requireNonNull(type, "type");
        if (id <= 0) {
            throw new IllegalArgumentException("provider id must be positive, was " + id);
        }
    }

    public static MediaKey of(MediaType type, long id) {
        return new MediaKey(type, id);
    }

    /** Parses the form produced by {@link #toString()}, e.g. {@code ANIME:5114}. */
    public static MediaKey parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected TYPE:id, was '" + text + "'");
        }
        return new MediaKey(MediaType.valueOf(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return type.name() + ":" + id;
    }
}
