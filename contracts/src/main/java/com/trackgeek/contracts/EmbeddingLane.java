package com.trackgeek.contracts;

/**
 * Which embedding request topic a request travels on. The embedding worker always drains HIGH first.
 */
public enum EmbeddingLane {
    HIGH(Topics.EMBEDDING_REQUESTS_HIGH),
    LOW(Topics.EMBEDDING_REQUESTS_LOW);

    private final String topic;

    EmbeddingLane(String topic) {
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }
}
