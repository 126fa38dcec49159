package com.trackgeek.testsupport;

/** Where the tests' shared Kafka broker listens, whichever kind it is (embedded or a container). */
public record KafkaBroker(String bootstrapServers) {
}
