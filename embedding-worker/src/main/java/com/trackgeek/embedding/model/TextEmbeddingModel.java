package com.trackgeek.embedding.model;

import java.util.List;

/**
 * Turns texts into vectors. Our own seam rather than a library's interface, so that the in-process default
 * and hosted models (Gemini, any OpenAI-compatible {@code /v1/embeddings}) are chosen by configuration and the
 * rest of the worker does not change.
 */
public interface TextEmbeddingModel {

    /** Stored beside every vector: vectors of different models are never compared, nor reused. */
    String name();

    int dimensions();

    /**
     * One vector of {@link #dimensions()} floats per text, in the order of the texts. Throws if any text cannot
     * be embedded; the caller then narrows the failure down to single texts.
     */
    List<float[]> embedAll(List<String> texts);
}
