package com.trackgeek.pipeline;

import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.bulk.BulkSelector;
import com.trackgeek.contracts.bulk.BulkSyncRequested;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two sync-worker replicas, each taking part of the work off Kafka, fetch 100 anime at once, or run two bulk jobs:
 * each provider, counting on its side, never sees more than one replica's configured windows allow (the replicas
 * draw on one budget in PostgreSQL, not on one each) and never answers 429; and a job of 1,000 games costs IGDB at
 * most 3 calls, whichever replica takes its batches.
 */
class TwoSyncWorkersShareOneBudgetTest {

    // One consumer per replica and lane: the three partitions are split between the two replicas.
    private static final Map<String, Object> ONE_CONSUMER = Map.of("spring.kafka.listener.concurrency", 1,
            "trackgeek.sync.bulk.concurrency", 1);
    private static final String IGDB_GAMES = "/igdb/v4/games";
    /** IGDB's documented limit, which the pipeline's workers and fake keep. */
    private static final int IGDB_PER_SECOND = 4;

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

    @Test
    void twoReplicasRunningBulkJobsStayWithinEveryWindowAndBatchTheGames() {
        pipeline.restartSyncWorkerWith(ONE_CONSUMER);
        second = pipeline.startAnotherSyncWorker(ONE_CONSUMER);
        await().atMost(Duration.ofSeconds(60)).until(() -> assigned(pipeline.syncWorker(), "bulk-work") && assigned(second, "bulk-work"));
        List<Long> anime = LongStream.rangeClosed(820_001, 820_060).boxed().toList();
        List<Long> games = LongStream.rangeClosed(830_001, 831_000).boxed().toList();
        double bulkTokensBefore = jikanTokens(pipeline.syncWorker()) + jikanTokens(second);
        int gameCallsBefore = pipeline.providers.requests().count(IGDB_GAMES);
        UUID animeJob = UUID.randomUUID();
        UUID gameJob = UUID.randomUUID();

        BulkCommands.send(BulkCommands.json(BulkSyncRequested.of(animeJob, new BulkSelector.Ids(MediaType.ANIME, anime), "two-replicas", Instant.now())));
        BulkCommands.send(BulkCommands.json(BulkSyncRequested.of(gameJob, new BulkSelector.Ids(MediaType.GAME, games), "two-replicas", Instant.now())));
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                Database.bulkProgress(animeJob).filter(job -> job.status().equals("done")).isPresent()
                        && Database.bulkProgress(gameJob).filter(job -> job.status().equals("done")).isPresent());

        assertThat(Database.bulkOutcomes(animeJob)).isEqualTo(Map.of("stored", 60));
        assertThat(Database.bulkOutcomes(gameJob)).isEqualTo(Map.of("stored", 1000));
        assertThat(pipeline.providers.requests().count(IGDB_GAMES) - gameCallsBefore).as("IGDB calls for 1,000 games")
                .isLessThanOrEqualTo(3);
        assertThat(jikanTokens(pipeline.syncWorker()) + jikanTokens(second) - bulkTokensBefore).as("bulk took Jikan tokens")
                .isPositive();
        var jikan = pipeline.providers.requests().requests(Pipeline.JIKAN_PATH + "/anime/8200(0[1-9]|[1-5][0-9]|60)/.*");
        assertThat(jikan).as("four calls per anime").hasSize(240);
        assertThat(jikan).as("Jikan never had to refuse one").noneMatch(request -> request.status() == 429);
        List<Long> jikanArrivals = jikan.stream().map(request -> request.arrivedAt().toEpochMilli()).sorted().toList();
        assertThat(RequestWindows.maxInAnyWindow(jikanArrivals, Duration.ofSeconds(1))).isLessThanOrEqualTo(Pipeline.LIMIT_PER_SECOND);
        assertThat(RequestWindows.maxInAnyWindow(jikanArrivals, Duration.ofSeconds(10))).isLessThanOrEqualTo(Pipeline.LIMIT_PER_TEN_SECONDS);
        var igdb = pipeline.providers.requests().requests(IGDB_GAMES);
        assertThat(igdb).as("IGDB never had to refuse one").noneMatch(request -> request.status() == 429);
        assertThat(RequestWindows.maxInAnyWindow(igdb.stream().map(request -> request.arrivedAt().toEpochMilli()).sorted().toList(),
                Duration.ofSeconds(1))).isLessThanOrEqualTo(IGDB_PER_SECOND);
    }

    private static boolean assigned(ConfigurableApplicationContext worker) {
        return assigned(worker, "sync-requests-interactive");
    }

    private static boolean assigned(ConfigurableApplicationContext worker, String listener) {
        var partitions = worker.getBean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer(listener).getAssignedPartitions();
        return partitions != null && !partitions.isEmpty();
    }

    private static double jikanTokens(ConfigurableApplicationContext worker) {
        return worker.getBean(MeterRegistry.class).find("trackgeek.provider.budget.tokens").tag("provider", "jikan")
                .counters().stream().mapToDouble(Counter::count).sum();
    }
}
