package com.trackgeek.api.similar;

import com.trackgeek.contracts.MediaKey;

import java.util.Comparator;

/** An item near the asked one, with its exact cosine similarity. */
record Neighbour(MediaKey key, double score) {

    /** Best first; equal scores by type (MediaType order), then id, so that answers are deterministic. */
    static final Comparator<Neighbour> BEST_FIRST = Comparator.comparingDouble(Neighbour::score).reversed()
            .thenComparing(neighbour -> neighbour.key().type())
            .thenComparingLong(neighbour -> neighbour.key().id());
}
