package com.trackgeek.sync.bulk;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.ItemSynced;
import com.trackgeek.contracts.SyncEvent;
import com.trackgeek.contracts.Topics;
import com.trackgeek.contracts.bulk.BulkSelector;
import com.trackgeek.contracts.bulk.BulkSyncRequested;
import com.trackgeek.contracts.bulk.BulkWork;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static com.trackgeek.contracts.MediaType.ANIME;
import static com.trackgeek.contracts.MediaType.GAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A job's life beyond the happy path: batches as large as the provider allows, a cancel that stops the fetches,
 * failed items replayed once the fault is gone, a record nobody can process ending its work instead of leaving it
 * pending, and a batch received twice storing each item once.
 */
class BulkJobIntegrationTest extends AbstractBulkIntegrationTest {

    private static final String IGDB_GAMES = "/igdb/v4/games";

    @Autowired
    private MeterRegistry meters;

    @Test
    void aThousandGamesCostAtMostThreeIgdbCalls() {
        List<Long> ids = ids(1000);
        int callsBefore = jikan().requests().count(IGDB_GAMES);

        UUID jobId = start(new BulkSelector.Ids(GAME, ids));

        assertThat(awaitFinished(jobId)).isEqualTo("done");
        int calls = jikan().requests().count(IGDB_GAMES) - callsBefore;
        assertThat(calls).isLessThanOrEqualTo(3);
        assertThat(outcomeCounts(jobId)).isEqualTo(Map.of("stored", 1000L));
        assertThat((Long) job(jobId).get("provider_calls")).isEqualTo(calls);
        assertThat(document(GAME, ids.getLast())).isPresent();
        assertThat(meters.get("trackgeek.bulk.provider.calls").tags("provider", "igdb", "type", "GAME", "phase", "fetch")
                .counter().count()).isGreaterThanOrEqualTo(calls);
        assertThat(meters.get("trackgeek.bulk.items").tags("provider", "igdb", "type", "GAME", "outcome", "stored")
                .counter().count()).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void aJobTheApiRecordedIsClaimedAndRunsUnderItsOwnRecord() {
        UUID jobId = UUID.randomUUID();
        var selector = new BulkSelector.Ids(GAME, ids(3));
        jdbc.sql("""
                        insert into bulk_job (id, selector, media_type, requested_by, source, status, requested_at)
                        values (:id, :selector::jsonb, 'GAME', 'importer-key', 'api', 'queued', now())
                        """)
                .param("id", jobId).param("selector", json.writeValueAsString(selector)).update();

        command(BulkSyncRequested.of(jobId, selector, "importer-key", Instant.now()));

        assertThat(awaitFinished(jobId)).isEqualTo("done");
        assertThat(job(jobId)).containsEntry("source", "api").containsEntry("requested_by", "importer-key");
        assertThat(job(jobId).get("started_at")).isNotNull();
        assertThat(outcomes(jobId).values()).containsOnly("stored");
    }

    @Test
    void aSelectorTheProviderCannotListFailsTheJobWithoutACall() {
        int callsBefore = jikan().requests().count("/jikan/v4/top/anime");

        UUID jobId = start(new BulkSelector.TopList(ANIME, "popular"));

        assertThat(awaitFinished(jobId)).isEqualTo("failed");
        assertThat(job(jobId).get("error_code")).isEqualTo(ErrorCode.BULK_SELECTOR_NOT_SUPPORTED.name());
        assertThat((String) job(jobId).get("error_detail")).contains("bypopularity");
        assertThat(jikan().requests().count("/jikan/v4/top/anime")).isEqualTo(callsBefore);
    }

    @Test
    void aCancelledJobFetchesNoneOfItsCancelledItems() {
        List<Long> ids = ids(10);
        String fullBodies = "/jikan/v4/anime/(" + ids.stream().map(String::valueOf).collect(Collectors.joining("|")) + ")/full";
        jikan().script().respond(fullBodies, 503, null); // Jikan is down: the job pauses on its first items
        try {
            UUID jobId = start(new BulkSelector.Ids(ANIME, ids));
            await().atMost(PATIENCE).until(() -> jikan().requests().count(fullBodies) > 0);
            assertThat(status(jobId)).isEqualTo("running");

            cancelAsTheApiDoes(jobId);
            jikan().script().clear(fullBodies); // Jikan is back
            awaitBulkWorkDrained();

            assertThat(status(jobId)).isEqualTo("cancelled");
            assertThat(outcomes(jobId).values()).containsOnly("cancelled");
            for (long id : ids) {
                assertThat(document(ANIME, id)).as("anime " + id).isEmpty();
            }
            // Single-fetch batches of five, one item after the other: only the first item of a batch can have
            // been asked for (its call may even have succeeded once Jikan was back: it was in flight, and the
            // answer was not stored); every other item was cancelled before its turn and never asked for.
            for (long id : ids) {
                if (id != ids.get(0) && id != ids.get(5)) {
                    assertThat(jikan().requests().count("/jikan/v4/anime/" + id + "/.*")).as("calls for " + id).isZero();
                }
            }
        } finally {
            jikan().script().clear(fullBodies);
        }
    }

    @Test
    void failedItemsAreReplayedOnceTheFaultIsGone() {
        List<Long> ids = ids(3);
        long broken = ids.get(1);
        String brokenBody = jikanPath(ANIME, broken, "full");
        jikan().script().respondBody(brokenBody, 200, "{\"data\": {\"mal_id\": \"not a number\"}}");
        UUID jobId;
        try {
            jobId = start(new BulkSelector.Ids(ANIME, ids));
            assertThat(awaitFinished(jobId)).isEqualTo("done");
        } finally {
            jikan().script().clear(brokenBody);
        }
        assertThat(outcomes(jobId)).containsEntry(ids.get(0), "stored").containsEntry(broken, "failed")
                .containsEntry(ids.get(2), "stored");
        assertThat(itemErrorCode(jobId, broken)).isEqualTo("PROVIDER_PAYLOAD_INVALID");

        replayAsTheApiDoes(jobId, 1);

        await().atMost(JOB_PATIENCE).until(() -> "done".equals(status(jobId)) && "stored".equals(outcomes(jobId).get(broken)));
        assertThat(outcomes(jobId).values()).containsOnly("stored");
        assertThat(jdbc.sql("select replay_round from bulk_job_item where job_id = :id and provider_id = :providerId")
                .param("id", jobId).param("providerId", broken).query(Integer.class).single()).isEqualTo(1);
        assertThat(calls(ANIME, ids.get(0), "full")).as("a stored item is not replayed").isEqualTo(1);
        assertThat(document(ANIME, broken)).isPresent();
    }

    @Test
    void aBatchNobodyCanProcessEndsOnTheDeadLetterTopicWithItsItemsFailed() {
        UUID jobId = UUID.randomUUID();
        List<Long> ids = ids(2);
        jobWithPendingItems(jobId, new BulkSelector.Ids(ANIME, ids), "running");

        try (var deadLetters = probe(Topics.deadLetter(Topics.BULK_WORK))) {
            work(new BulkWork.FetchItems(99, jobId, ANIME, ids, Instant.now()));
            deadLetters.await(record -> record.value().contains(jobId.toString()), PATIENCE);
        }

        assertThat(awaitFinished(jobId)).as("nothing left pending").isEqualTo("done");
        assertThat(outcomes(jobId).values()).containsOnly("failed");
        assertThat(itemErrorCode(jobId, ids.getFirst())).isEqualTo(ErrorCode.MALFORMED_MESSAGE.name());
        assertThat(calls(ANIME, ids.getFirst(), "full")).isZero();
    }

    @Test
    void aPageNobodyCanProcessEndsOnTheDeadLetterTopicAndFailsItsJob() {
        UUID jobId = UUID.randomUUID();
        jdbc.sql("""
                        insert into bulk_job (id, selector, media_type, source, status, requested_at, started_at)
                        values (:id, '{"kind":"TOP","type":"ANIME","list":"top"}'::jsonb, 'ANIME', 'kafka', 'expanding', now(), now())
                        """)
                .param("id", jobId).update();

        try (var deadLetters = probe(Topics.deadLetter(Topics.BULK_WORK))) {
            work(new BulkWork.ExpandPage(99, jobId, 1, Instant.now()));
            deadLetters.await(record -> record.value().contains(jobId.toString()), PATIENCE);
        }

        assertThat(awaitFinished(jobId)).isEqualTo("failed");
        assertThat(job(jobId).get("error_code")).isEqualTo(ErrorCode.MALFORMED_MESSAGE.name());
        assertThat(outcomes(jobId)).isEmpty();
    }

    @Test
    void aBatchReceivedTwiceStoresEachItemOnce() {
        UUID jobId = UUID.randomUUID();
        List<Long> ids = ids(3);
        jobWithPendingItems(jobId, new BulkSelector.Ids(ANIME, ids), "running");
        var batch = BulkWork.FetchItems.of(jobId, ANIME, ids, Instant.now());

        List<ItemSynced> synced;
        try (var events = probe(Topics.SYNC_EVENTS)) {
            work(batch);
            awaitProcessed(work(batch));
            synced = events.drain(Duration.ofSeconds(1)).stream()
                    .filter(record -> record.value().contains(jobId.toString()))
                    .map(record -> (ItemSynced) json.readValue(record.value(), SyncEvent.class))
                    .toList();
        }

        assertThat(status(jobId)).isEqualTo("done");
        assertThat(outcomes(jobId).values()).containsOnly("stored");
        for (long id : ids) {
            assertThat(calls(ANIME, id, "full")).as("anime " + id + " fetched once").isEqualTo(1);
        }
        assertThat(synced).extracting(event -> event.item().id()).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void anItemStoredJustBeforeACrashIsAnnouncedWhenItsBatchComesAgainAndNotFetchedAgain() {
        UUID jobId = UUID.randomUUID();
        List<Long> ids = ids(2);
        jobWithPendingItems(jobId, new BulkSelector.Ids(ANIME, ids), "running");
        long stored = ids.getFirst();
        // The crash: the item and its outcome committed, the events never acknowledged by Kafka.
        jdbc.sql("update bulk_job_item set outcome = 'stored', finished_at = now(), unannounced = true where job_id = :id and provider_id = :providerId")
                .param("id", jobId).param("providerId", stored).update();

        List<Long> announced;
        try (var events = probe(Topics.SYNC_EVENTS)) {
            awaitProcessed(work(BulkWork.FetchItems.of(jobId, ANIME, ids, Instant.now())));
            announced = events.drain(Duration.ofSeconds(1)).stream()
                    .filter(record -> record.value().contains(jobId.toString()))
                    .map(record -> ((ItemSynced) json.readValue(record.value(), SyncEvent.class)).item().id())
                    .toList();
        }

        assertThat(announced).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(calls(ANIME, stored, "full")).as("the stored item is not fetched again").isZero();
        assertThat(jdbc.sql("select count(*) from bulk_job_item where job_id = :id and unannounced").param("id", jobId)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void anItemWeHoldThatTheProviderNoLongerHasIsLeftATombstoneNotDeleted() {
        long id = newId();
        UUID fetch = request(ANIME, id);
        await().atMost(PATIENCE).until(() -> requestStatus(fetch).equals("done"));
        jdbc.sql("update sync_state set last_synced_at = now() - interval '2 days' where media_type = 'ANIME' and provider_id = :id")
                .param("id", id).update();
        String full = jikanPath(ANIME, id, "full");
        jikan().script().respond(full, 404, "jikan/error-404-anime-not-found.json");
        try {
            UUID jobId = start(new BulkSelector.Ids(ANIME, List.of(id)));

            assertThat(awaitFinished(jobId)).isEqualTo("done");
            assertThat(outcomes(jobId)).containsEntry(id, "not_found");
            assertThat(state(ANIME, id)).isEqualTo("gone");
            assertThat(document(ANIME, id)).as("its data is kept").isPresent();
        } finally {
            jikan().script().clear(full);
        }
    }

    /** What {@code POST .../cancel} does: the job and its pending items cancelled, in one transaction. */
    private void cancelAsTheApiDoes(UUID jobId) {
        jdbc.sql("update bulk_job set status = 'cancelled', finished_at = now() where id = :id").param("id", jobId).update();
        jdbc.sql("update bulk_job_item set outcome = 'cancelled', finished_at = now() where job_id = :id and outcome is null")
                .param("id", jobId).update();
    }

    /** What {@code POST .../retry-failed} does: the job's round raised, running again, and the replay published. */
    private void replayAsTheApiDoes(UUID jobId, int round) {
        jdbc.sql("update bulk_job set replay_round = :round, status = 'running', finished_at = null where id = :id")
                .param("round", round).param("id", jobId).update();
        work(BulkWork.ReplayFailed.of(jobId, round, Instant.now()));
    }

    private static List<Long> ids(int count) {
        return LongStream.range(0, count).map(i -> newId()).boxed().toList();
    }
}
