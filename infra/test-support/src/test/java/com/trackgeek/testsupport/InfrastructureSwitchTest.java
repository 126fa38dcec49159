package com.trackgeek.testsupport;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The switch between embedded servers and containers: embedded unless asked, a value it does not know refused by
 * name, and containers asked for where there is no Docker stopped with one sentence that says what to do.
 */
class InfrastructureSwitchTest {

    @Test
    void theEmbeddedServersAreTheDefault() {
        String before = System.getProperty(Infrastructure.PROPERTY);
        try {
            System.clearProperty(Infrastructure.PROPERTY);
            assertThat(Infrastructure.chosen()).isEqualTo("embedded");
        } finally {
            restore(before);
        }
    }

    @Test
    void anUnknownKindIsRefusedWithTheChoices() {
        String before = System.getProperty(Infrastructure.PROPERTY);
        try {
            System.setProperty(Infrastructure.PROPERTY, "kubernetes");
            assertThatThrownBy(() -> Infrastructure.start(1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("trackgeek.test.infrastructure must be embedded or testcontainers, was 'kubernetes'");
        } finally {
            restore(before);
        }
    }

    @Test
    void containersWithoutDockerStopWithOneClearMessage() {
        assertThatThrownBy(() -> ContainerInfrastructure.start(1, "apache/kafka:4.2.1", "postgres:17", () -> false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(ContainerInfrastructure.NO_DOCKER)
                .hasNoCause();
        assertThat(ContainerInfrastructure.NO_DOCKER)
                .contains("no Docker engine", "DOCKER_HOST", "Leave out -Ptestcontainers");
    }

    @Test
    void onAMachineWithoutDockerTestcontainersOwnCheckLeadsToTheSameMessage() {
        assumeTrue(System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock")),
                "this machine may have Docker: the containers would really start");

        assertThatThrownBy(() -> ContainerInfrastructure.start(1, ContainerInfrastructure.defaultKafkaImage(), "postgres:17"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(ContainerInfrastructure.NO_DOCKER);
    }

    @Test
    void theDefaultKafkaImageIsTheBrokerOfTheClientVersionInUse() {
        assertThat(ContainerInfrastructure.defaultKafkaImage()).matches("apache/kafka:\\d+\\.\\d+\\.\\d+");
    }

    private static void restore(String value) {
        if (value == null) {
            System.clearProperty(Infrastructure.PROPERTY);
        } else {
            System.setProperty(Infrastructure.PROPERTY, value);
        }
    }
}
