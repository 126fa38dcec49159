package com.trackgeek.api.syncrequest;

import com.trackgeek.api.ApiIntegrationTest;
import com.trackgeek.api.FakeSyncWorker;
import com.trackgeek.contracts.FetchRequested;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.RequestKind;
import com.trackgeek.contracts.RequestStatus;
import com.trackgeek.contracts.SyncLane;
import com.trackgeek.contracts.SyncRequest;
import com.trackgeek.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A caller that joins a request whose command may never come (or comes late) has it published again. */
class RepublishTest extends ApiIntegrationTest {

    @Autowired
    OverdueRequestSweeper sweeper;

    @Test
    void aRequestQueuedForTooLongIsPublishedAgainOnce() {
        MediaKey key = newAnimeKey();
        UUID orphan = insertQueued(key, SyncLane.INTERACTIVE, Duration.ofMinutes(10));
        try (TopicProbe commands = FakeSyncWorker.watchInteractiveLane()) {
            assertThat(get(itemPath(key) + "?wait=0").statusCode()).isEqualTo(202);

            SyncRequest command = FakeSyncWorker.awaitCommand(commands, key, json);
            assertThat(command).isInstanceOf(FetchRequested.class);
            assertThat(command.requestId()).isEqualTo(orphan);

            assertThat(get(itemPath(key) + "?wait=0").statusCode()).isEqualTo(202);
            assertThat(FakeSyncWorker.drainCommands(commands, key, Duration.ofSeconds(1), json))
                    .as("the next joiner does not publish it again").isEmpty();
        }
        assertThat(syncRequestCount(key)).isEqualTo(1);
    }

    @Test
    void aFreshQueuedRequestIsJoinedWithoutPublishing() {
        MediaKey key = newAnimeKey();
        insertQueued(key, SyncLane.INTERACTIVE, Duration.ZERO);
        try (TopicProbe commands = FakeSyncWorker.watchInteractiveLane()) {
            assertThat(get(itemPath(key) + "?wait=0").statusCode()).isEqualTo(202);

            assertThat(FakeSyncWorker.drainCommands(commands, key, Duration.ofSeconds(1), json)).isEmpty();
        }
    }

    @Test
    void aBulkRequestAPersonWaitsForMovesToTheInteractiveLane() {
        MediaKey key = newAnimeKey();
        UUID bulk = insertQueued(key, SyncLane.BULK, Duration.ZERO);
        try (TopicProbe commands = FakeSyncWorker.watchInteractiveLane()) {
            assertThat(get(itemPath(key) + "?wait=0").statusCode()).isEqualTo(202);

            SyncRequest command = FakeSyncWorker.awaitCommand(commands, key, json);
            assertThat(command.requestId()).isEqualTo(bulk);
            assertThat(command.lane()).isEqualTo(SyncLane.INTERACTIVE);
        }
        assertThat(json(get("/api/v1/sync-requests/" + bulk)).get("lane").asString()).isEqualTo("INTERACTIVE");
    }

    @Test
    void anOverdueRequestIsPublishedAgainByTheSweepEvenIfNobodyAsksForTheItem() {
        MediaKey overdueKey = newAnimeKey();
        MediaKey freshKey = newAnimeKey();
        UUID orphan = insertQueued(overdueKey, SyncLane.INTERACTIVE, Duration.ofMinutes(10));
        insertQueued(freshKey, SyncLane.INTERACTIVE, Duration.ZERO);
        try (TopicProbe commands = FakeSyncWorker.watchInteractiveLane()) {
            sweeper.sweep();

            assertThat(FakeSyncWorker.awaitCommand(commands, overdueKey, json).requestId()).isEqualTo(orphan);
            sweeper.sweep();
            assertThat(FakeSyncWorker.drainCommands(commands, overdueKey, Duration.ofSeconds(1), json))
                    .as("claimed: not published again before requeue-after").isEmpty();
            assertThat(FakeSyncWorker.drainCommands(commands, freshKey, Duration.ofMillis(200), json))
                    .as("a request queued moments ago is left alone").isEmpty();
        }
    }

    private UUID insertQueued(MediaKey key, SyncLane lane, Duration age) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into sync_request (id, media_type, provider_id, kind, lane, status, created_at, updated_at)
                        values (:id, :type, :providerId, :kind, :lane, :queued,
                                now() - make_interval(secs => :age), now() - make_interval(secs => :age))""")
                .param("id", id)
                .param("type", key.type().name())
                .param("providerId", key.id())
                .param("kind", RequestKind.FETCH.name())
                .param("lane", lane.name())
                .param("queued", RequestStatus.QUEUED.value())
                .param("age", (double) age.toSeconds())
                .update();
        return id;
    }
}
