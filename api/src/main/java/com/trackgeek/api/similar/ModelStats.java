package com.trackgeek.api.similar;

import java.time.Instant;

/** How many vectors of a model are stored, and when the newest of them was. */
record ModelStats(String model, long vectors, Instant latest) {
}
