package com.trackgeek.pipeline;

import java.util.Set;

/**
 * A stored item with its vector of one model, and what the quality figures judge its neighbours by.
 *
 * @param key     {@code ANIME:20}, as the item's related entries are written in {@link #related()}
 * @param genres  the stored genres' names
 * @param related the keys of the items its stored relations name (sequels, adaptations, ...)
 */
record EmbeddedItem(String key, String title, Set<String> genres, Set<String> related, float[] vector) {

    boolean sharesGenreWith(EmbeddedItem other) {
        return genres.stream().anyMatch(other.genres::contains);
    }

    boolean isRelatedTo(EmbeddedItem other) {
        return related.contains(other.key) || other.related.contains(key);
    }

    double cosine(EmbeddedItem other) {
        double dot = 0;
        double norm = 0;
        double otherNorm = 0;
        for (int i = 0; i < vector.length; i++) {
            dot += vector[i] * other.vector[i];
            norm += vector[i] * vector[i];
            otherNorm += other.vector[i] * other.vector[i];
        }
        return dot / Math.sqrt(norm * otherNorm);
    }
}
