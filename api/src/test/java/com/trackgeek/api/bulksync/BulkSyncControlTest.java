package com.trackgeek.api.bulksync;

import com.trackgeek.api.ApiIntegrationTest;
import com.trackgeek.contracts.Topics;
import com.trackgeek.contracts.bulk.BulkItemOutcome;
import com.trackgeek.contracts.bulk.BulkJobStatus;
import com.trackgeek.contracts.bulk.BulkWork;
import com.trackgeek.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cancel} and {@code retry-failed}: a cancel ends the job and its pending items at once, and only an
 * unfinished job can be cancelled; a replay raises the job's round and publishes it, and only a running or done job
 * with failed items can be replayed.
 */
class BulkSyncControlTest extends ApiIntegrationTest {

    private WorkerRows rows;

    @BeforeEach
    void rows() {
        rows = new WorkerRows(jdbc);
    }

    @Test
    void aCancelEndsTheJobAndEveryPendingItemButKeepsWhatIsDone() {
        UUID job = rows.job(BulkJobStatus.RUNNING, Duration.ofMinutes(10), true, null, 2);
        rows.items(job, 1, 2, BulkItemOutcome.STORED, Duration.ofMinutes(1));
        rows.items(job, 3, 3, null, null);

        var response = post(job, "cancel");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var view = json(response);
        assertThat(view.get("status").asString()).isEqualTo("cancelled");
        assertThat(view.get("finishedAt").isNull()).isFalse();
        assertThat(view.get("pending").asLong()).isZero();
        assertThat(view.at("/outcomes/cancelled").asLong()).isEqualTo(3);
        assertThat(view.at("/outcomes/stored").asLong()).isEqualTo(2);
        assertThat(view.get("itemsPerMinute").asDouble()).as("2 fetched in its last 5 minutes; cancelled ones are no pace")
                .isEqualTo(0.4);
        assertThat(rows.status(job)).isEqualTo("cancelled");
        assertThat(rows.countItems(job, "cancelled")).isEqualTo(3);
        assertThat(rows.countItems(job, "pending")).isZero();

        var again = post(job, "cancel");
        assertThat(again.statusCode()).as("cancelled already: answered as it is").isEqualTo(200);
        assertThat(json(again).get("finishedAt").asString()).isEqualTo(view.get("finishedAt").asString());
    }

    @Test
    void aQueuedJobCanBeCancelledBeforeAnyWorkerTookIt() {
        UUID job = UUID.randomUUID();
        var started = send(HttpRequest.newBuilder(uri("/api/v1/bulk-syncs"))
                .header("Content-Type", "application/json").header("X-API-Key", BULK_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + job + "\",\"selector\":"
                        + "{\"kind\":\"CATALOG\",\"type\":\"GAME\"}}")));
        assertThat(started.statusCode()).isEqualTo(202);

        assertThat(json(post(job, "cancel")).get("status").asString()).isEqualTo("cancelled");
        assertThat(rows.status(job)).isEqualTo("cancelled");
    }

    @ParameterizedTest
    @EnumSource(value = BulkJobStatus.class, names = {"DONE", "FAILED"})
    void aFinishedJobCannotBeCancelled(BulkJobStatus status) {
        UUID job = rows.job(status, Duration.ofMinutes(5), true, null, 0);
        rows.items(job, 1, 1, BulkItemOutcome.STORED, Duration.ofMinutes(1));

        var response = post(job, "cancel");

        assertProblem(response, 409, "BULK_JOB_STATE_CONFLICT");
        assertThat(json(response).get("detail").asString()).contains(status.value());
        assertThat(rows.status(job)).isEqualTo(status.value());
    }

    @Test
    void aReplayRaisesTheRoundSetsTheJobRunningAndPublishesTheRound() {
        UUID job = rows.job(BulkJobStatus.DONE, Duration.ofMinutes(5), true, null, 5);
        rows.items(job, 1, 3, BulkItemOutcome.STORED, Duration.ofMinutes(2));
        rows.items(job, 4, 2, BulkItemOutcome.FAILED, Duration.ofMinutes(2));

        try (TopicProbe work = BulkSyncStartTest.watch(Topics.BULK_WORK)) {
            var response = post(job, "retry-failed");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            var view = json(response);
            assertThat(view.get("replayRound").asInt()).isEqualTo(1);
            assertThat(view.get("status").asString()).isEqualTo("running");
            assertThat(view.get("finishedAt").isNull()).isTrue();

            var record = work.await(published -> job.toString().equals(published.key()), Duration.ofSeconds(10));
            assertThat(record.value()).contains("\"kind\":\"REPLAY_FAILED\"");
            assertThat(json.readValue(record.value(), BulkWork.class))
                    .isInstanceOfSatisfying(BulkWork.ReplayFailed.class, replay -> {
                        assertThat(replay.jobId()).isEqualTo(job);
                        assertThat(replay.round()).isEqualTo(1);
                    });
        }
        assertThat(rows.replayRound(job)).isEqualTo(1);
        assertThat(rows.status(job)).isEqualTo("running");
    }

    @Test
    void aJobWithoutFailedItemsHasNothingToReplay() {
        UUID job = rows.job(BulkJobStatus.DONE, Duration.ofMinutes(5), true, null, 5);
        rows.items(job, 1, 3, BulkItemOutcome.STORED, Duration.ofMinutes(2));

        try (TopicProbe work = BulkSyncStartTest.watch(Topics.BULK_WORK)) {
            var response = post(job, "retry-failed");

            assertProblem(response, 409, "BULK_JOB_STATE_CONFLICT");
            assertThat(json(response).get("detail").asString()).contains("no failed item");
            assertThat(work.drain(Duration.ofMillis(500))).noneMatch(published -> job.toString().equals(published.key()));
        }
        assertThat(rows.replayRound(job)).isZero();
        assertThat(rows.status(job)).isEqualTo("done");
    }

    @ParameterizedTest
    @EnumSource(value = BulkJobStatus.class, names = {"QUEUED", "EXPANDING", "CANCELLED", "FAILED"})
    void onlyARunningOrDoneJobIsReplayed(BulkJobStatus status) {
        UUID job = rows.job(status, Duration.ofMinutes(5), false, null, 1);
        rows.items(job, 1, 1, BulkItemOutcome.FAILED, Duration.ofMinutes(1));

        var response = post(job, "retry-failed");

        assertProblem(response, 409, "BULK_JOB_STATE_CONFLICT");
        assertThat(json(response).get("detail").asString()).contains(status.value());
        assertThat(rows.replayRound(job)).isZero();
    }

    @Test
    void anUnknownJobCannotBeCancelledOrReplayed() {
        UUID unknown = UUID.randomUUID();

        assertProblem(post(unknown, "cancel"), 404, "BULK_JOB_NOT_FOUND");
        assertProblem(post(unknown, "retry-failed"), 404, "BULK_JOB_NOT_FOUND");
    }

    private HttpResponse<String> post(UUID job, String action) {
        return send(HttpRequest.newBuilder(uri("/api/v1/bulk-syncs/" + job + "/" + action))
                .header("X-API-Key", BULK_KEY)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }
}
