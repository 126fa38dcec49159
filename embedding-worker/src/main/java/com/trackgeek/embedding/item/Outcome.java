package com.trackgeek.embedding.item;

import java.util.Locale;

/** What became of a received request; the names are the values of {@code embedding_request.outcome}. */
enum Outcome {
    /** A vector was computed and stored. */
    EMBEDDED,
    /** The stored vector was computed from the same text by the same model. */
    SKIPPED_UNCHANGED,
    /** The item is not stored (yet); its sync state is left as it is. */
    ITEM_MISSING,
    /** The model could not embed the item's text. */
    FAILED;

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
