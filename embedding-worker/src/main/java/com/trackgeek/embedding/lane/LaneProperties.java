package com.trackgeek.embedding.lane;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the two lanes are consumed.
 *
 * @param lowBatchSize          most low-lane requests fetched and handled in one listener call ({@code max.poll.records})
 * @param lowChunkSize          low-lane texts per model call; between chunks the low lane gives way to high-lane work
 * @param highQuietAfter        how long the high lane must have had nothing to do before the low lane resumes
 * @param pollTimeout           longest a consumer poll waits for records; bounds how quickly the low lane is paused
 *                              and resumed and how often the high lane can report being idle
 * @param lowMaxYield           longest a fetched low-lane chunk waits for the high lane; then it runs anyway, so the
 *                              low consumer stays within {@code max.poll.interval.ms} and is not thrown out of its group
 */
@ConfigurationProperties("trackgeek.embedding.lanes")
record LaneProperties(
        @DefaultValue("128") int lowBatchSize,
        @DefaultValue("8") int lowChunkSize,
        @DefaultValue("250ms") Duration highQuietAfter,
        @DefaultValue("100ms") Duration pollTimeout,
        @DefaultValue("30s") Duration lowMaxYield) {
}
