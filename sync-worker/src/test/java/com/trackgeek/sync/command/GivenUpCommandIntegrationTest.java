package com.trackgeek.sync.command;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.FetchRequested;
import com.trackgeek.contracts.ItemSynced;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.Message;
import com.trackgeek.contracts.SyncFailed;
import com.trackgeek.contracts.SyncLane;
import com.trackgeek.contracts.Topics;
import com.trackgeek.testsupport.Fixtures;
import com.trackgeek.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.trackgeek.contracts.MediaType.ANIME;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands the consumer gives up on end on their dead-letter topic, and their requests end too: failed with
 * the dead letter's code, announced, so no read waits for them and the next read starts a new fetch.
 */
class GivenUpCommandIntegrationTest extends AbstractWorkerIntegrationTest {

    private static final String DEAD_LETTERS = Topics.deadLetter(Topics.SYNC_REQUESTS_INTERACTIVE);

    @Test
    void aCommandWhoseHandlingThrowsUnexpectedlyEndsFailedWithACodeAndTheNextRequestFetchesAgain() {
        long id = newId();
        // A NUL character in a synopsis: Jackson reads it, PostgreSQL refuses it in jsonb. Nothing foresees it,
        // so storing the item throws on every attempt, and the consumer gives up on the command.
        String full = jikanPath(ANIME, id, "full");
        jikan().script().respondBody(full, 200, fullmetalAlchemistAs(id, "\u0000"));

        UUID requestId;
        try (var deadLetters = probe(DEAD_LETTERS); var events = probe(Topics.SYNC_EVENTS)) {
            requestId = request(ANIME, id);

            var failed = (SyncFailed) awaitEvent(events, requestId);
            assertThat(failed.code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
            assertThat(failed.detail()).isNotBlank();

            var dead = deadLetters.await(r -> r.value().contains(requestId.toString()), PATIENCE);
            assertThat(TopicProbe.header(dead, "trackgeek-dlt-code")).isEqualTo("INTERNAL_ERROR");
            assertThat(TopicProbe.header(dead, "trackgeek-dlt-reason")).isEqualTo(failed.detail());
        }
        assertThat(requestStatus(requestId)).isEqualTo("failed");
        assertThat(requestErrorCode(requestId)).isEqualTo("INTERNAL_ERROR");
        assertThat(state(ANIME, id)).isEqualTo("failed");
        assertThat(stateErrorCode(ANIME, id)).isEqualTo("INTERNAL_ERROR");
        assertThat(document(ANIME, id)).as("nothing half-written").isEmpty();
        assertThat(calls(ANIME, id, "full")).as("one fetch per attempt of the consumer").isEqualTo(3);

        // No request is left active, so the next read's request is accepted and fetches anew.
        jikan().script().clear(full);
        jikan().jikan().serveRecordedAs("anime", id, 5114);
        try (var events = probe(Topics.SYNC_EVENTS)) {
            assertThat(awaitEvent(events, request(ANIME, id))).isInstanceOf(ItemSynced.class);
        }
        assertThat(document(ANIME, id)).isPresent();
        assertThat(calls(ANIME, id, "full")).isEqualTo(4);
    }

    @Test
    void aCommandOfAnUnsupportedSchemaVersionEndsItsRequestFailedAsMalformedWithoutAProviderCall() {
        long id = newId();
        UUID requestId = queuedRequest(ANIME, id);

        try (var deadLetters = probe(DEAD_LETTERS); var events = probe(Topics.SYNC_EVENTS)) {
            send(new FetchRequested(Message.SCHEMA_VERSION + 1, requestId, MediaKey.of(ANIME, id), SyncLane.INTERACTIVE, Instant.now()));

            var failed = (SyncFailed) awaitEvent(events, requestId);
            assertThat(failed.code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
            assertThat(failed.detail()).contains("unsupported schema version");
            var dead = deadLetters.await(r -> r.value().contains(requestId.toString()), PATIENCE);
            assertThat(TopicProbe.header(dead, "trackgeek-dlt-code")).isEqualTo("MALFORMED_MESSAGE");
        }
        assertThat(requestStatus(requestId)).isEqualTo("failed");
        assertThat(requestErrorCode(requestId)).isEqualTo("MALFORMED_MESSAGE");
        assertThat(state(ANIME, id)).isEqualTo("failed");
        assertThat(calls(ANIME, id, ".*")).isZero();
    }

    @Test
    void aGivenUpCommandOfAProducerThatKeepsNoRequestRowIsRecordedFailed() {
        long id = newId();
        UUID requestId = UUID.randomUUID();

        try (var events = probe(Topics.SYNC_EVENTS)) {
            send(new FetchRequested(Message.SCHEMA_VERSION + 1, requestId, MediaKey.of(ANIME, id), SyncLane.INTERACTIVE, Instant.now()));

            var failed = (SyncFailed) awaitEvent(events, requestId);
            assertThat(failed.code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
        }
        var row = jdbc.sql("select kind, lane, status, error_code, finished_at is not null as finished from sync_request where id = :id")
                .param("id", requestId).query().singleRow();
        assertThat(row).containsEntry("kind", "FETCH").containsEntry("lane", "INTERACTIVE").containsEntry("status", "failed")
                .containsEntry("error_code", "MALFORMED_MESSAGE").containsEntry("finished", true);
        assertThat(state(ANIME, id)).isEqualTo("failed");
    }

    @Test
    void aGivenUpCommandOfARequestThatAlreadyFinishedChangesNothing() {
        long id = recorded(ANIME, 5114);
        UUID requestId;
        try (var events = probe(Topics.SYNC_EVENTS)) {
            requestId = request(ANIME, id);
            assertThat(awaitEvent(events, requestId)).isInstanceOf(ItemSynced.class);
        }

        try (var deadLetters = probe(DEAD_LETTERS); var events = probe(Topics.SYNC_EVENTS)) {
            send(new FetchRequested(Message.SCHEMA_VERSION + 1, requestId, MediaKey.of(ANIME, id), SyncLane.INTERACTIVE, Instant.now()));

            deadLetters.await(r -> r.value().contains(requestId.toString()), PATIENCE);
            // The request is ended before its record is dead-lettered: an announcement would be there by now.
            assertThat(events.drain(Duration.ofMillis(500))).noneMatch(r -> r.value().contains(requestId.toString()));
        }
        assertThat(requestStatus(requestId)).isEqualTo("done");
        assertThat(state(ANIME, id)).isEqualTo("pending_embeddings");
    }

    @Test
    void garbageOnTheRequestTopicGoesToItsDeadLetterTopicAndTheNextCommandIsProcessed() {
        long id = recorded(ANIME, 5114);
        try (var deadLetters = probe(DEAD_LETTERS); var events = probe(Topics.SYNC_EVENTS)) {
            kafka.send(Topics.SYNC_REQUESTS_INTERACTIVE, "ANIME:" + id, "{\"kind\":\"FETCH_REQUESTED\",garbage".getBytes(StandardCharsets.UTF_8));
            UUID requestId = request(ANIME, id);

            var dead = deadLetters.await(r -> r.value().contains("garbage"), PATIENCE);
            assertThat(TopicProbe.header(dead, "trackgeek-dlt-code")).isEqualTo("MALFORMED_MESSAGE");
            assertThat(TopicProbe.header(dead, "trackgeek-dlt-reason")).isNotBlank();
            assertThat(awaitEvent(events, requestId)).isInstanceOf(ItemSynced.class);
        }
    }

    /** FMA:B's recorded {@code /full} body describing anime {@code id}, its synopsis ending in {@code suffix}. */
    private String fullmetalAlchemistAs(long id, String suffix) {
        var body = (ObjectNode) json.readTree(Fixtures.body("jikan/anime-5114-fmab-full-readme-example.json"));
        var data = (ObjectNode) body.get("data");
        data.put("mal_id", id);
        data.put("synopsis", data.get("synopsis").asString() + suffix);
        return json.writeValueAsString(body);
    }
}
