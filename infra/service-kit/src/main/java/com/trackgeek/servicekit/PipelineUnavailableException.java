package com.trackgeek.servicekit;

/**
 * Kafka did not acknowledge something a consumer had to publish (an outcome event, a follow-up command).
 * The record being processed is fine; the error handler retries it without end, never dead-letters it.
 */
public class PipelineUnavailableException extends RuntimeException {

    public PipelineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
