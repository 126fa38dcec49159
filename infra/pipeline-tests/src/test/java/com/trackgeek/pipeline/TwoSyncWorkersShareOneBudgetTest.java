package com.trackgeek.pipeline;

import com.trackgeek.contracts.MediaType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two sync-worker replicas, each taking part of the work off Kafka, fetch 100 anime at once: Jikan, counting on
 * its side, never sees more than one replica's configured windows allow (the replicas draw on one budget in
 * PostgreSQL, not on one each) and never answers 429.
 */
class TwoSyncWorkersShareOneBudgetTest {

    // One consumer per replica and lane: the three partitions are split between the two replicas.
    private static final Map<String, Object> ONE_CONSUMER = Map.of("spring.kafka.listener.concurrency", 1);

    private final Pipeline pipeline = Pipeline.get();
    private ConfigurableApplicationContext second;

    @AfterEach
    void backToOneWorker() {
        if (second != null) {
            second.close();
        }
        pipeline.restartSyncWorkerWith(Map.of());
    }

    @Test
    void twoReplicasFetchingAtOnceStayWithinOneProvidersWindows() {
        pipeline.restartSyncWorkerWith(ONE_CONSUMER);
        second = pipeline.startAnotherSyncWorker(ONE_CONSUMER);
        await().atMost(Duration.ofSeconds(60)).until(() -> assigned(pipeline.syncWorker()) && assigned(second));
        Set<Long> ids = Set.copyOf(LongStream.rangeClosed(810_001, 810_100).boxed().toList());

        var answers = ApiCalls.getConcurrently(ids.stream().map(id -> pipeline.apiUrl() + "/api/v1/anime/" + id + "?wait=PT0S").toList());
        answers.forEach(answer -> assertThat(answer.status()).as("accepted").isEqualTo(202));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> Database.storedItems(MediaType.ANIME, ids) == 100);

        assertThat(jikanTokens(pipeline.syncWorker())).as("tokens the first replica took").isPositive();
        assertThat(jikanTokens(second)).as("tokens the second replica took").isPositive();
        var requests = pipeline.providers.requests().requests(Pipeline.JIKAN_PATH + "/anime/8100(0[1-9]|[1-9][0-9])/.*|"
                + Pipeline.JIKAN_PATH + "/anime/810100/.*");
        assertThat(requests).as("four calls per anime").hasSize(400);
        assertThat(requests).as("Jikan never had to refuse one").noneMatch(request -> request.status() == 429);
        List<Long> arrivals = requests.stream().map(request -> request.arrivedAt().toEpochMilli()).sorted().toList();
        assertThat(RequestWindows.maxInAnyWindow(arrivals, Duration.ofSeconds(1))).isLessThanOrEqualTo(Pipeline.LIMIT_PER_SECOND);
        assertThat(RequestWindows.maxInAnyWindow(arrivals, Duration.ofSeconds(10))).isLessThanOrEqualTo(Pipeline.LIMIT_PER_TEN_SECONDS);
    }

    private static boolean assigned(ConfigurableApplicationContext worker) {
        var partitions = worker.getBean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer("sync-requests-interactive").getAssignedPartitions();
        return partitions != null && !partitions.isEmpty();
    }

    private static double jikanTokens(ConfigurableApplicationContext worker) {
        return worker.getBean(MeterRegistry.class).find("trackgeek.provider.budget.tokens").tag("provider", "jikan")
                .counters().stream().mapToDouble(Counter::count).sum();
    }
}
