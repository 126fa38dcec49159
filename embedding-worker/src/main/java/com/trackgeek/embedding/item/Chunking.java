package com.trackgeek.embedding.item;

import java.util.Objects;

/**
 * How a lane wants its batch embedded: {@code size} texts per model call, and what to do before each call.
 * The low lane waits there while high-lane work is under way, so a large low batch cannot hold up a person.
 */
public record Chunking(int size, Runnable beforeEachChunk) {

    /** The whole batch in one call, nothing in between. */
    public static final Chunking WHOLE = new Chunking(Integer.MAX_VALUE, () -> { });

    public Chunking {
        if (size < 1) {
            throw new IllegalArgumentException("chunk size must be positive, was " + size);
        }
        Objects.requireNonNull(beforeEachChunk, "beforeEachChunk");
    }
}
