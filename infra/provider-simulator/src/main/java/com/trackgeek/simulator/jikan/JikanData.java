package com.trackgeek.simulator.jikan;

/** Jikan's envelope for a single resource: {@code {"data": ...}}. */
record JikanData<T>(T data) {
}
