package com.trackgeek.api.similar;

import com.trackgeek.contracts.MediaKey;

import java.time.Instant;

/** One row of {@code item_embedding}, as the index loads it. */
record StoredVector(String model, MediaKey key, float[] vector, Instant embeddedAt) {
}
