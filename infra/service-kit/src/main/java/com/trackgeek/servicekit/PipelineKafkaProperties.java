package com.trackgeek.servicekit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * How the pipeline's topics are declared and how a consumer treats a record it cannot process.
 *
 * @param partitions         partitions of every pipeline topic (bounds the consumers that can work in parallel)
 * @param replicationFactor  1 for a single local broker; 3 on a real cluster
 * @param retryAttempts      attempts for a record that failed for an unknown reason, before it goes to the dead-letter topic
 * @param retryInterval      pause between those attempts
 * @param outageMaxInterval  longest pause between attempts while PostgreSQL or Kafka is unreachable (retried without end: nothing is dropped)
 * @param maxMessageSize     a consumed record's value larger than this is no message of the pipeline (the largest, a
 *                           10,000-id bulk command, is under 200 KB): it is dead-lettered unread, as malformed
 */
@ConfigurationProperties("trackgeek.kafka")
public record PipelineKafkaProperties(
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("3") int retryAttempts,
        @DefaultValue("1s") Duration retryInterval,
        @DefaultValue("30s") Duration outageMaxInterval,
        @DefaultValue("256KB") DataSize maxMessageSize) {
}
