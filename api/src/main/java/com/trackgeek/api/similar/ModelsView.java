package com.trackgeek.api.similar;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/similar/model}: which model answers similar titles on this instance, why, and how far each
 * stored model covers the catalog.
 *
 * @param model        the active model; null while no model has vectors
 * @param why          pinned (the operator's choice), covers-catalog (it has a vector for every item the previous
 *                     model had, and the newest vectors), most-vectors (no model was active before); null with no model
 * @param pinned       the operator's pin, if any
 * @param catalogItems how many items are stored
 * @param models       every model with stored vectors
 */
record ModelsView(@Schema(example = "all-minilm-l6-v2-q", nullable = true) String model,
                  @Schema(allowableValues = {ActiveModel.PINNED, ActiveModel.COVERS_CATALOG, ActiveModel.MOST_VECTORS},
                          nullable = true) String why,
                  @Schema(nullable = true) PinnedModel.Pin pinned,
                  long catalogItems,
                  List<Model> models) {

    /**
     * @param vectors            stored vectors of the model
     * @param storedItemsCovered stored items with a vector of the model
     * @param coverage           storedItemsCovered / catalogItems (0..1)
     * @param latestEmbeddedAt   when its newest vector was stored
     * @param indexed            vectors of it in this instance's index (catches up within catch-up-interval)
     */
    record Model(@Schema(example = "all-minilm-l6-v2-q") String model, long vectors, long storedItemsCovered,
                 @Schema(example = "0.98") double coverage, Instant latestEmbeddedAt, long indexed) {
    }
}
