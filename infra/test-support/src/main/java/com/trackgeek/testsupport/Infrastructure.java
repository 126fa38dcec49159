package com.trackgeek.testsupport;

import java.util.Locale;

/**
 * The Kafka broker and PostgreSQL server a test JVM shares, and the switch that picks their kind: the system
 * property {@value #PROPERTY} (set by the root pom; {@code -Ptestcontainers} sets it to {@code testcontainers}).
 * Embedded is the default because it needs nothing but the JVM; containers let a team test against the exact
 * broker and database images they run.
 */
interface Infrastructure extends AutoCloseable {

    String PROPERTY = "trackgeek.test.infrastructure";

    DatabaseServer postgres();

    KafkaBroker kafka();

    @Override
    void close();

    /** Starts the kind the system property names (embedded when it is not set). */
    static Infrastructure start(int partitions) {
        return switch (chosen()) {
            case "embedded" -> EmbeddedInfrastructure.start(partitions);
            case "testcontainers" -> ContainerInfrastructure.start(partitions,
                    System.getProperty(ContainerInfrastructure.KAFKA_IMAGE_PROPERTY, ContainerInfrastructure.defaultKafkaImage()),
                    System.getProperty(ContainerInfrastructure.POSTGRES_IMAGE_PROPERTY, ContainerInfrastructure.DEFAULT_POSTGRES_IMAGE));
            default -> throw new IllegalArgumentException(PROPERTY + " must be embedded or testcontainers, was '"
                    + System.getProperty(PROPERTY) + "'");
        };
    }

    static String chosen() {
        String value = System.getProperty(PROPERTY, "");
        return value.isBlank() ? "embedded" : value.trim().toLowerCase(Locale.ROOT);
    }
}
