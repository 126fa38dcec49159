package com.trackgeek.testsupport;

import com.trackgeek.localstack.PersistentKafkaServer;
import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.util.function.BooleanSupplier;

/**
 * Kafka and PostgreSQL in Docker containers (Testcontainers), chosen with {@code -Ptestcontainers}: the tests then
 * run against the exact broker and database images a team deploys. The images are settings
 * ({@value #KAFKA_IMAGE_PROPERTY}, default apache/kafka of the Kafka client version on the classpath;
 * {@value #POSTGRES_IMAGE_PROPERTY}, default {@value #DEFAULT_POSTGRES_IMAGE}, which ships pg_trgm). The broker
 * gets the same topics, partitions and settings as the embedded one.
 *
 * <p>Without a Docker engine it fails at once with {@link #NO_DOCKER}, not with Testcontainers' stack trace.
 */
final class ContainerInfrastructure implements Infrastructure {

    static final String KAFKA_IMAGE_PROPERTY = "trackgeek.testcontainers.kafka-image";
    static final String POSTGRES_IMAGE_PROPERTY = "trackgeek.testcontainers.postgres-image";
    static final String DEFAULT_POSTGRES_IMAGE = "postgres:17";
    static final String NO_DOCKER = "The tests were asked (" + PROPERTY + "=testcontainers, -Ptestcontainers) to run "
            + "against Kafka and PostgreSQL in Docker containers, but Testcontainers found no Docker engine (set "
            + "DOCKER_HOST or start Docker). Leave out -Ptestcontainers to run them against the embedded Kafka and "
            + "PostgreSQL, which need no Docker.";

    private final PostgreSQLContainer postgres;
    private final KafkaContainer kafka;

    private ContainerInfrastructure(PostgreSQLContainer postgres, KafkaContainer kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    static ContainerInfrastructure start(int partitions, String kafkaImage, String postgresImage) {
        return start(partitions, kafkaImage, postgresImage, () -> DockerClientFactory.instance().isDockerAvailable());
    }

    static ContainerInfrastructure start(int partitions, String kafkaImage, String postgresImage, BooleanSupplier dockerAvailable) {
        if (!dockerAvailable.getAsBoolean()) {
            throw new IllegalStateException(NO_DOCKER);
        }
        var postgres = new PostgreSQLContainer(DockerImageName.parse(postgresImage).asCompatibleSubstituteFor("postgres"))
                .withDatabaseName("trackgeek")
                // As the embedded server: room for every service context of a test JVM; durability not needed.
                .withCommand("postgres", "-c", "max_connections=300", "-c", "fsync=off", "-c", "synchronous_commit=off");
        var kafka = new KafkaContainer(DockerImageName.parse(kafkaImage).asCompatibleSubstituteFor("apache/kafka"))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        postgres.start();
        kafka.start();
        PersistentKafkaServer.createTopics(kafka.getBootstrapServers(), partitions);
        return new ContainerInfrastructure(postgres, kafka);
    }

    static String defaultKafkaImage() {
        return "apache/kafka:" + AppInfoParser.getVersion();
    }

    @Override
    public DatabaseServer postgres() {
        return new DatabaseServer(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
    }

    @Override
    public KafkaBroker kafka() {
        return new KafkaBroker(kafka.getBootstrapServers());
    }

    @Override
    public void close() {
        kafka.stop();
        postgres.stop();
    }
}
