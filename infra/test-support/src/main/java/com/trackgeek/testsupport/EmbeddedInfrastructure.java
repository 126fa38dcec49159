package com.trackgeek.testsupport;

import com.trackgeek.localstack.EmbeddedKafkaServer;
import com.trackgeek.localstack.EmbeddedPostgresServer;

/** The default: a Kafka broker in this JVM and a PostgreSQL child process (local-stack), no Docker needed. */
final class EmbeddedInfrastructure implements Infrastructure {

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaServer kafka;

    private EmbeddedInfrastructure(EmbeddedPostgresServer postgres, EmbeddedKafkaServer kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    static EmbeddedInfrastructure start(int partitions) {
        return new EmbeddedInfrastructure(EmbeddedPostgresServer.start(0, null, "trackgeek"), EmbeddedKafkaServer.start(partitions));
    }

    @Override
    public DatabaseServer postgres() {
        return new DatabaseServer(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }

    @Override
    public KafkaBroker kafka() {
        return new KafkaBroker(kafka.bootstrapServers());
    }

    @Override
    public void close() {
        kafka.close();
        postgres.close();
    }
}
