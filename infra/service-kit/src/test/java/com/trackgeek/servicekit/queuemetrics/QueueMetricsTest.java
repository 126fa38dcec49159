package com.trackgeek.servicekit.queuemetrics;

import com.trackgeek.contracts.FetchRequested;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.SyncLane;
import com.trackgeek.contracts.SyncRequest;
import com.trackgeek.contracts.Topics;
import com.trackgeek.testsupport.SharedInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The queue metrics every service gets from the service kit: the backlog of its consumer groups as Kafka counts
 * it, and the rate and latency of its listeners, tagged by lane and by the common service and deployment tags.
 */
@SpringBootTest(classes = QueueMetricsTest.LaggingService.class, properties = {
        "spring.kafka.consumer.auto-offset-reset=earliest", "spring.config.name=none",
        "spring.application.name=lag-test-service", "trackgeek.metrics.deployment=test-deployment",
        "trackgeek.metrics.consumer-lag-interval=200ms"})
class QueueMetricsTest {

    private static final String TOPIC = Topics.SYNC_REQUESTS_BULK;
    private static final String GROUP = "queue-metrics-test";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SharedInfrastructure.register(registry);
    }

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    MeterRegistry meters;

    @Autowired
    LaggingService service;

    @Test
    void the_backlog_of_a_group_is_what_kafka_holds_for_it_and_drains_as_the_listener_works_with_its_lane_timed() {
        List<SyncRequest> sent = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> (SyncRequest) FetchRequested.of(UUID.randomUUID(), MediaKey.of(MediaType.ANIME, 778000 + i),
                        SyncLane.BULK, Instant.now()))
                .toList();
        sent.forEach(request -> kafka.send(TOPIC, request.item().toString(), request).join());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(lag()).as("the listener has not started: everything sent waits").isGreaterThanOrEqualTo(5));
        var gauge = meters.find(ConsumerLag.NAME).tag("group", GROUP).tag("topic", TOPIC).gauge();
        assertThat(gauge.getId().getTag("lane")).isEqualTo("bulk");
        assertThat(gauge.getId().getTag("service")).isEqualTo("lag-test-service");
        assertThat(gauge.getId().getTag("deployment")).isEqualTo("test-deployment");
        assertThat(gauge.getId().getBaseUnit()).isEqualTo("messages");

        listeners.getListenerContainer("lagging").start();

        await().atMost(Duration.ofSeconds(30)).until(() -> service.received.containsAll(sent));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(lag()).as("committed: nothing waits any more").isZero());
        var processed = Search.in(meters).name(ListenerTiming.NAME).tag("topic", TOPIC).tag("lane", "bulk")
                .tag("outcome", "ok").timer();
        assertThat(processed).isNotNull();
        assertThat(processed.count()).isGreaterThanOrEqualTo(5);
    }

    private double lag() {
        var gauge = meters.find(ConsumerLag.NAME).tag("group", GROUP).tag("topic", TOPIC).gauge();
        return gauge == null ? -1 : gauge.value();
    }

    @SpringBootApplication
    static class LaggingService {

        final List<SyncRequest> received = new CopyOnWriteArrayList<>();

        @KafkaListener(id = "lagging", idIsGroup = false, groupId = GROUP, topics = TOPIC, autoStartup = "false")
        void on(SyncRequest request) {
            received.add(request);
        }
    }
}
