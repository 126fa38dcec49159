package com.trackgeek.api.syncrequest;

import com.trackgeek.api.ApiIntegrationTest;
import com.trackgeek.api.problem.ApiException;
import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.RequestStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Kafka unreachable: the caller is promised nothing, and the request row does not linger as "queued" for a
 * command that does not exist (a background refresh's row is withdrawn). The shared broker cannot be stopped for one test, so the sync machinery is
 * wired by hand around a producer pointed at a port nobody listens on.
 */
class PipelineUnavailableTest extends ApiIntegrationTest {

    @Test
    void aCommandKafkaDoesNotTakeFailsItsRequestWithPipelineUnavailable() throws IOException {
        MediaKey key = newAnimeKey();
        var registry = new SimpleMeterRegistry();
        var waiters = new SyncWaiters(registry);
        var producers = unreachableKafka();
        try {
            var itemSync = new ItemSync(new SyncRequests(jdbc),
                    new SyncCommandPublisher(new KafkaTemplate<>(producers), properties), waiters,
                    new SyncMetrics(registry), properties);

            assertThatThrownBy(() -> itemSync.start(key))
                    .isInstanceOfSatisfying(ApiException.class, problem -> {
                        assertThat(problem.code()).isEqualTo(ErrorCode.PIPELINE_UNAVAILABLE);
                        assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                        assertThat(problem.retryAfter()).isPresent();
                    });
        } finally {
            producers.destroy();
        }

        var row = jdbc.sql("select status, error_code from sync_request where media_type = :type and provider_id = :id")
                .param("type", key.type().name())
                .param("id", key.id())
                .query((rs, n) -> rs.getString("status") + "/" + rs.getString("error_code"))
                .single();
        assertThat(row).isEqualTo(RequestStatus.FAILED.value() + "/" + ErrorCode.PIPELINE_UNAVAILABLE);
        assertThat(registry.get("trackgeek.api.sync.waiters").gauge().value()).isZero();
        assertThat(registry.get("trackgeek.api.sync.publish.failures").counter().count()).isEqualTo(1);

        // Nothing stays blocked: with Kafka back, the next caller starts a new request.
        assertThat(get(itemPath(key) + "?wait=0").statusCode()).isEqualTo(202);
        assertThat(syncRequestCount(key)).isEqualTo(2);
    }

    @Test
    void aBackgroundRefreshKafkaDoesNotTakeIsWithdrawnSoThatALaterReaderTriesAgain() throws IOException {
        MediaKey key = newAnimeKey();
        worker().storeItem(key, "Texhnolyze", null);
        jdbc.sql("update sync_state set stale_after = now() - interval '1 day' where media_type = :type and provider_id = :id")
                .param("type", key.type().name())
                .param("id", key.id())
                .update();
        var registry = new SimpleMeterRegistry();
        var producers = unreachableKafka();
        try (var refresh = new BackgroundRefresh(new SyncRequests(jdbc),
                new SyncCommandPublisher(new KafkaTemplate<>(producers), properties), new SyncMetrics(registry),
                new RefreshProperties(Duration.ofHours(24), Duration.ofMinutes(5)))) {
            refresh.request(key);

            await().atMost(Duration.ofSeconds(20)).until(() ->
                    registry.find("trackgeek.api.sync.publish.failures").counter() != null);
            await().atMost(Duration.ofSeconds(5)).until(() -> syncRequestCount(key) == 0);
        } finally {
            producers.destroy();
        }

        // With Kafka back, the next reader of the stale item queues it.
        assertThat(get(itemPath(key)).headers().firstValue("X-TrackGeek-Stale")).hasValue("true");
        await().atMost(Duration.ofSeconds(10)).until(() -> syncRequestCount(key) == 1);
    }

    private final SyncProperties properties = new SyncProperties(Duration.ofSeconds(2), Duration.ofMillis(250),
            Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofMinutes(5), 3);

    private DefaultKafkaProducerFactory<Object, Object> unreachableKafka() throws IOException {
        return new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class),
                null, new JacksonJsonSerializer<Object>(json).noTypeInfo());
    }

    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
