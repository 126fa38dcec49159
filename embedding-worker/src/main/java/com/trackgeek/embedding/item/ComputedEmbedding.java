package com.trackgeek.embedding.item;

import com.trackgeek.contracts.MediaKey;

/** A vector just computed for an item, with the text it was computed from. */
record ComputedEmbedding(MediaKey item, EmbeddingText text, float[] vector) {
}
