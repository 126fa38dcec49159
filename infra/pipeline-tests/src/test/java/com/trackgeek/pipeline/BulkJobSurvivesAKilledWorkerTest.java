package com.trackgeek.pipeline;

import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.bulk.BulkJobStatus;
import com.trackgeek.contracts.bulk.BulkSelector;
import com.trackgeek.contracts.bulk.BulkSyncRequested;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bulk job of 2,000 TMDB movies, started by a command on Kafka, survives a {@code kill -9} of the only sync worker
 * about a quarter of the way through: the next worker finishes it, every movie is stored exactly once, only the
 * movies the killed worker had in hand are fetched a second time, and the job's progress, watched all along (before,
 * across and after the kill), never goes backwards.
 *
 * <p>The worker runs in a JVM of its own ({@link ChildSyncWorker}) so the kill is real; the in-process worker is
 * stopped meanwhile, so nothing else takes the job's work.
 */
class BulkJobSurvivesAKilledWorkerTest {

    private static final List<Long> IDS = LongStream.rangeClosed(940_001, 942_000).boxed().toList();
    private static final Set<Long> ID_SET = Set.copyOf(IDS);
    private static final String MOVIE_PATH = "/tmdb/3/movie/";

    /**
     * TMDB's window at the simulator's limit (40 a second, 10 back to back) and the whole budget for bulk (no person
     * is waiting here): about 29 movies a second, so the job takes a little over a minute.
     */
    private static final Map<String, Object> ABOUT_A_MINUTE = Map.of(
            "trackgeek.providers.tmdb.limits[0].requests", 40,
            "trackgeek.providers.tmdb.limits[0].per", "1s",
            "trackgeek.providers.tmdb.limits[0].burst", 10,
            "trackgeek.sync.budget.bulk-share", 1.0);

    /**
     * The most movies a killed worker can have had in hand: its bulk-work consumers (3 by default) each holding one
     * FetchItems record of single-fetch-batch (5) movies. Only those may be fetched again.
     */
    private static final int MOST_IN_HAND_AT_THE_KILL = 3 * 5;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Pipeline pipeline = Pipeline.get();
    private final List<Observation> observations = new ArrayList<>();

    /** One look at the job's row and items, in the order they were taken. */
    record Observation(Instant at, String status, int items, int finished) {

        /** Where the status stands in a job's life; an unrecorded job (no row yet) comes first. */
        int stage() {
            return status == null ? -1 : BulkJobStatus.parse(status).map(Enum::ordinal).orElseThrow();
        }
    }

    @AfterEach
    void backToTheInProcessWorker() {
        pipeline.restartSyncWorker();
    }

    @Test
    void aJobOfTwoThousandMoviesFinishesAfterAKillNineWithEveryMovieStoredOnceAndProgressNeverGoingBack() throws Exception {
        UUID jobId = UUID.randomUUID();
        pipeline.stopSyncWorker();

        try (var first = ChildSyncWorker.start(pipeline.syncWorkerSettings(ABOUT_A_MINUTE), "bulk-first")) {
            first.awaitHealthy(Duration.ofMinutes(2));
            BulkCommands.send(command(jobId));

            await("the worker recorded the job (is the bulk engine, listener bulk-commands, in this build? see "
                    + first.logFile() + ")").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                    .until(() -> observe(jobId).status() != null);
            await("a quarter of the job finished (see " + first.logFile() + ")").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> observe(jobId).finished() >= IDS.size() / 4);
            int status = first.killNine();
            assertThat(status).as("ended by SIGKILL").isEqualTo(ChildSyncWorker.KILLED_BY_SIGKILL);
        }
        Observation atTheKill = observe(jobId);
        System.out.printf("sync worker killed (kill -9) with %d of %d movies finished, job %s%n",
                atTheKill.finished(), IDS.size(), atTheKill.status());
        assertThat(atTheKill.finished()).as("killed in the middle of the job").isLessThan(IDS.size());

        try (var second = ChildSyncWorker.start(pipeline.syncWorkerSettings(ABOUT_A_MINUTE), "bulk-second")) {
            await("the job done after the restart (see " + second.logFile() + ")").atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(200))
                    .failFast("the second worker's JVM exited; see " + second.logFile(), () -> !second.isAlive())
                    .until(() -> BulkJobStatus.DONE.value().equals(observe(jobId).status()));
        }

        System.out.printf("%d observations of the job, from %s to %s%n", observations.size(),
                observations.getFirst(), observations.getLast());
        for (int i = 1; i < observations.size(); i++) {
            Observation before = observations.get(i - 1);
            Observation after = observations.get(i);
            assertThat(after.finished()).as("finished items, %s then %s", before, after).isGreaterThanOrEqualTo(before.finished());
            assertThat(after.items()).as("known items, %s then %s", before, after).isGreaterThanOrEqualTo(before.items());
            assertThat(after.stage()).as("status, %s then %s", before, after).isGreaterThanOrEqualTo(before.stage());
        }
        assertThat(Database.bulkOutcomes(jobId)).as("one item row per movie, every one stored")
                .isEqualTo(Map.of("stored", IDS.size()));
        assertThat(Database.storedItems(MediaType.MOVIE, IDS)).isEqualTo(IDS.size());
        assertThat(Database.syncStates(MediaType.MOVIE, IDS)).isEqualTo(IDS.size());

        Map<Long, Long> served = servedByTheFake();
        long servedTwice = served.values().stream().filter(times -> times == 2).count();
        long refused = pipeline.providers.requests().requests(MOVIE_PATH + "\\d+").stream()
                .filter(request -> request.status() == 429).count();
        System.out.printf("the fake served %d movies, %d of them twice (in flight at the kill); it answered 429 %d times%n",
                served.size(), servedTwice, refused);
        assertThat(served).as("every movie fetched").hasSize(IDS.size());
        assertThat(served.values()).as("times each movie was served").allMatch(times -> times <= 2);
        assertThat(servedTwice).as("movies fetched again: only those in hand at the kill").isLessThanOrEqualTo(MOST_IN_HAND_AT_THE_KILL);
    }

    /** The command as any producer writes it: BulkSyncRequested's JSON, keyed by the job id. */
    private static String command(UUID jobId) {
        String json = """
                {"schemaVersion":1,"jobId":"%s","selector":{"kind":"IDS","type":"MOVIE","ids":[%s]},\
                "requestedBy":"bulk-kill-test","requestedAt":"%s"}""".formatted(jobId,
                IDS.stream().map(String::valueOf).collect(Collectors.joining(",")), Instant.now());
        var read = JSON.readValue(json, BulkSyncRequested.class);
        assertThat(read.selector()).as("the command reads as the contract says")
                .isEqualTo(new BulkSelector.Ids(MediaType.MOVIE, IDS));
        return json;
    }

    private Observation observe(UUID jobId) {
        var progress = Database.bulkProgress(jobId);
        Observation observation = progress
                .map(job -> new Observation(Instant.now(), job.status(), job.items(), job.finished()))
                .orElseGet(() -> new Observation(Instant.now(), null, 0, 0));
        observations.add(observation);
        return observation;
    }

    /** How many times the fake answered 200 for each of the job's movies. */
    private Map<Long, Long> servedByTheFake() {
        return pipeline.providers.requests().requests(MOVIE_PATH + "\\d+").stream()
                .filter(request -> request.status() == 200)
                .map(request -> Long.parseLong(request.path().substring(MOVIE_PATH.length())))
                .filter(ID_SET::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
