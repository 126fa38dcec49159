package com.trackgeek.localstack;

import com.trackgeek.contracts.Topics;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedServersTest {

    @Test
    void postgresKeepsItsDataAcrossRestartsWhenGivenADataDirectory(@TempDir Path data) throws Exception {
        try (var server = EmbeddedPostgresServer.start(0, data, "trackgeek");
             Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password())) {
            connection.createStatement().execute("create table kept (v text); insert into kept values ('still here')");
        }

        try (var server = EmbeddedPostgresServer.start(0, data, "trackgeek");
             Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password())) {
            ResultSet rows = connection.createStatement().executeQuery("select v from kept");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void kafkaStartsWithEveryPipelineTopicAndItsDeadLetterTopic() throws Exception {
        try (var kafka = EmbeddedKafkaServer.start(2);
             var admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Set<String> topics = admin.listTopics().names().get();

            assertThat(topics).containsAll(Topics.ALL)
                    .contains(Topics.deadLetter(Topics.SYNC_REQUESTS_INTERACTIVE));
        }
    }
}
