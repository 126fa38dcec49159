package com.trackgeek.faults;

/**
 * The ways a record on a pipeline topic can be poison: what a buggy or hostile producer, a newer release or a
 * half-written batch can put there. Every kind must end on the topic's dead-letter topic with a reason, once per
 * consuming group, and hold up no consumer.
 */
enum PoisonKind {

    /** Not JSON, or JSON of the wrong shape: text, binary, an array, a bare string, {@code null}, {@code {}}, an unknown kind. */
    MALFORMED,
    /** A valid message cut off part-way. */
    TRUNCATED,
    /** A valid message padded far beyond what a message of its kind can be (still below the broker's limit). */
    OVERSIZED,
    /** A valid message of a schema version no consumer knows. */
    WRONG_VERSION,
    /** A message whose fields have the wrong JSON types (a number for a UUID, an object for a string, ...). */
    WRONG_TYPES,
    /** A record with an empty value (zero bytes). */
    EMPTY,
    /** A record with a null value (a tombstone). */
    NULL,
    /** A null, empty, non-UTF-8 or 10 KB key, on a value that is no message this consumer can process. */
    BAD_KEY
}
