package com.trackgeek.api.similar;

import com.trackgeek.api.ApiPaths;
import com.trackgeek.contracts.MediaKey;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * The answer of {@code GET /api/v1/{type}/{id}/similar}.
 *
 * @param item    the item asked about
 * @param model   the model whose vectors answered; null while no model has vectors
 * @param status  {@code ready}, or {@code no-vector-yet} (the item has no vector of the model yet: similar is empty)
 * @param similar the nearest items, best first
 */
@Schema(description = "The items most similar to an item, by the cosine similarity of their embeddings")
record SimilarAnswer(Item item,
                     @Schema(example = "all-minilm-l6-v2-q", nullable = true) String model,
                     @Schema(allowableValues = {READY, NO_VECTOR_YET}) String status,
                     List<Similar> similar) {

    static final String READY = "ready";
    static final String NO_VECTOR_YET = "no-vector-yet";

    /** @param type the media type's path segment (anime, manga, movie, tv, game, book) */
    record Item(@Schema(example = "anime") String type, @Schema(example = "20") long id,
                @Schema(example = "Naruto") String title, @Schema(example = "/api/v1/anime/20") String link) {

        static Item of(MediaKey key, String title) {
            return new Item(key.type().pathSegment(), key.id(), title, ApiPaths.item(key).toString());
        }
    }

    /** @param score cosine similarity, -1..1 (rounded to 4 decimals) */
    record Similar(@Schema(example = "anime") String type, @Schema(example = "1735") long id,
                   @Schema(example = "Naruto: Shippuuden") String title, @Schema(example = "0.9134") double score,
                   @Schema(example = "/api/v1/anime/1735") String link) {

        static Similar of(Neighbour neighbour, String title) {
            MediaKey key = neighbour.key();
            return new Similar(key.type().pathSegment(), key.id(), title, Math.round(neighbour.score() * 10_000) / 10_000.0,
                    ApiPaths.item(key).toString());
        }
    }
}
