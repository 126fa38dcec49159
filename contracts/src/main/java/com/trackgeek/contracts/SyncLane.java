package com.trackgeek.contracts;

/**
 * Which sync request topic a command travels on: a person waiting, or a bulk job.
 * Interactive work is always served first.
 */
public enum SyncLane {
    INTERACTIVE(Topics.SYNC_REQUESTS_INTERACTIVE),
    BULK(Topics.SYNC_REQUESTS_BULK);

    private final String topic;

    SyncLane(String topic) {
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }

    /** Embeddings for interactive work go to the high lane, everything else to the low lane. */
    public EmbeddingLane embeddingLane() {
        return this == INTERACTIVE ? EmbeddingLane.HIGH : EmbeddingLane.LOW;
    }
}
