package com.trackgeek.embedding;

import com.trackgeek.contracts.EmbeddingLane;
import com.trackgeek.contracts.EmbeddingRequested;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.Topics;
import com.trackgeek.servicekit.DeadLetterReason;
import com.trackgeek.testsupport.SharedInfrastructure;
import com.trackgeek.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ModelFailureTest extends WorkerIntegrationTest {

    private static final List<String> GENRES = List.of("Drama");

    @Test
    void aTextTheModelCannotEmbedFailsAloneIsRecordedFailedWithItsCodeAndIsDeadLettered() {
        MediaKey good = newAnimeKey();
        MediaKey bad = newAnimeKey();
        MediaKey alsoGood = newAnimeKey();
        insertAnime(good, "Good one", GENRES, "An ordinary synopsis.");
        insertAnime(bad, "Bad one", GENRES, "A synopsis the model refuses " + UnembeddableTexts.MARKER);
        insertAnime(alsoGood, "Another good one", GENRES, "Another ordinary synopsis.");
        setSyncState(bad, "pending_embeddings");
        try (var deadLetters = TopicProbe.openAtEnd(SharedInfrastructure.kafka().bootstrapServers(),
                Topics.deadLetter(Topics.EMBEDDING_REQUESTS_LOW))) {
            // One key, so all three travel in one partition, in order, and usually in one batch.
            String key = good.toString();
            EmbeddingRequested first = request(good);
            EmbeddingRequested failing = request(bad);
            EmbeddingRequested last = request(alsoGood);
            kafka.send(Topics.EMBEDDING_REQUESTS_LOW, key, first);
            kafka.send(Topics.EMBEDDING_REQUESTS_LOW, key, failing);
            kafka.send(Topics.EMBEDDING_REQUESTS_LOW, key, last);
            kafka.flush();

            ConsumerRecord<String, String> dead = deadLetters.await(
                    record -> record.value().contains(failing.requestId().toString()), Duration.ofSeconds(60));
            assertThat(TopicProbe.header(dead, DeadLetterReason.CODE_HEADER)).isEqualTo("EMBEDDING_TEXT_REJECTED");
            assertThat(TopicProbe.header(dead, DeadLetterReason.REASON_HEADER)).contains("test model refuses marked text");
            assertThat(awaitOutcome(first.requestId())).isEqualTo("embedded");
            // The requests after the failed one are delivered again; by then their item is unchanged.
            assertThat(awaitOutcome(last.requestId())).isIn("embedded", "skipped_unchanged");
            assertThat(vectors(good, alsoGood)).isEqualTo(2);
            assertThat(outcome(failing.requestId())).contains("failed");
            assertThat(outcomeCode(failing.requestId())).isEqualTo("EMBEDDING_TEXT_REJECTED");
            assertThat(vectors(bad)).isZero();
            assertThat(syncState(bad)).as("the item's status says so").contains("failed");
            assertThat(lastError(bad)).startsWith("EMBEDDING_TEXT_REJECTED|EMBEDDING_TEXT_REJECTED: ")
                    .contains("test model refuses marked text").endsWith("|failed at");
        }
    }

    @Test
    void aFailureLeavesANewerSyncOfTheItemAlone() {
        MediaKey bad = newAnimeKey();
        insertAnime(bad, "Bad one", GENRES, "Refused again " + UnembeddableTexts.MARKER);
        setSyncState(bad, "syncing"); // a newer sync is under way: it will request another embedding
        EmbeddingRequested failing = request(bad);
        kafka.send(Topics.EMBEDDING_REQUESTS_LOW, bad.toString(), failing);

        assertThat(awaitOutcome(failing.requestId())).isEqualTo("failed");
        assertThat(outcomeCode(failing.requestId())).isEqualTo("EMBEDDING_TEXT_REJECTED");
        assertThat(syncState(bad)).contains("syncing");
        assertThat(lastError(bad)).isEqualTo("||");
    }

    private String outcomeCode(UUID requestId) {
        return jdbc.sql("select outcome_code from embedding_request where request_id = ?").param(requestId)
                .query(String.class).single();
    }

    /** code|detail|"failed at" when last_failed_at is set. */
    private String lastError(MediaKey item) {
        return jdbc.sql("""
                        select coalesce(last_error_code, '') || '|' || coalesce(last_error_detail, '') || '|'
                               || case when last_failed_at is null then '' else 'failed at' end
                        from sync_state where media_type = ? and provider_id = ?""")
                .params(item.type().name(), item.id()).query(String.class).single();
    }

    private int vectors(MediaKey... items) {
        long[] ids = java.util.Arrays.stream(items).mapToLong(MediaKey::id).toArray();
        return jdbc.sql("select count(*) from item_embedding where media_type = 'ANIME' and provider_id = any(?)")
                .param(ids).query(Integer.class).single();
    }

    private static EmbeddingRequested request(MediaKey item) {
        return EmbeddingRequested.of(UUID.randomUUID(), item, EmbeddingLane.LOW, Instant.now());
    }

}
