package com.trackgeek.api.bulksync;

import com.trackgeek.api.ApiIntegrationTest;
import com.trackgeek.api.problem.ApiException;
import com.trackgeek.api.quota.ClientQuota;
import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.bulk.BulkItemOutcome;
import com.trackgeek.contracts.bulk.BulkJobStatus;
import com.trackgeek.contracts.bulk.BulkSelector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Kafka refusing: the caller is promised nothing and nothing is left behind, neither a queued job nobody will run
 * nor a raised replay round nobody will replay. The shared broker cannot be stopped for one test, so the bulk sync
 * machinery is wired by hand around a producer pointed at a port nobody listens on.
 */
class BulkSyncPipelineUnavailableTest extends ApiIntegrationTest {

    @Autowired
    private TransactionTemplate transactions;

    /** Outside a request it limits nothing: these jobs are nobody's. */
    @Autowired
    private ClientQuota quota;

    private DefaultKafkaProducerFactory<Object, Object> producers;
    private BulkSyncs bulkSyncs;

    @BeforeEach
    void kafkaNobodyListensTo() throws IOException {
        var properties = new BulkSyncProperties(Duration.ofSeconds(2), Duration.ofMinutes(5), 100,
                Duration.ofMinutes(2), Duration.ofSeconds(30));
        producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class),
                null, new JacksonJsonSerializer<Object>(json).noTypeInfo());
        bulkSyncs = new BulkSyncs(new BulkJobs(jdbc, json, properties),
                new BulkSyncPublisher(new KafkaTemplate<>(producers), properties), transactions, json,
                new SimpleMeterRegistry(), quota);
    }

    @AfterEach
    void closeProducers() {
        producers.destroy();
    }

    @Test
    void aBulkSyncKafkaDoesNotTakeIs503AndLeavesNoJob() {
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> bulkSyncs.start(id, new BulkSelector.Ids(MediaType.GAME, List.of(1942L)), "bulk-operator"))
                .isInstanceOfSatisfying(ApiException.class, problem -> {
                    assertThat(problem.code()).isEqualTo(ErrorCode.PIPELINE_UNAVAILABLE);
                    assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(problem.retryAfter()).isPresent();
                });

        assertThat(jdbc.sql("select count(*) from bulk_job where id = :id").param("id", id).query(Long.class).single())
                .as("no job left queued for a command that does not exist").isZero();
    }

    @Test
    void aReplayKafkaDoesNotTakeIs503AndLeavesTheJobAsItWas() {
        var rows = new WorkerRows(jdbc);
        UUID job = rows.job(BulkJobStatus.DONE, Duration.ofMinutes(5), true, null, 3);
        rows.items(job, 1, 2, BulkItemOutcome.FAILED, Duration.ofMinutes(1));

        assertThatThrownBy(() -> bulkSyncs.retryFailed(job))
                .isInstanceOfSatisfying(ApiException.class, problem ->
                        assertThat(problem.code()).isEqualTo(ErrorCode.PIPELINE_UNAVAILABLE));

        assertThat(rows.replayRound(job)).isZero();
        assertThat(rows.status(job)).isEqualTo("done");
        assertThat(rows.countItems(job, "failed")).isEqualTo(2);
    }

    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
