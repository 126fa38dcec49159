package com.trackgeek.embedding;

import com.trackgeek.contracts.EmbeddingLane;
import com.trackgeek.contracts.EmbeddingRequested;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.Topics;
import com.trackgeek.embedding.model.TextEmbeddingModel;
import com.trackgeek.testsupport.SharedInfrastructure;
import com.trackgeek.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedEventsTest extends WorkerIntegrationTest {

    @Autowired
    TextEmbeddingModel model;

    @Test
    void everyStoredVectorIsAnnouncedAfterItsCommitAndASkippedTextIsNot() {
        MediaKey item = newAnimeKey();
        insertAnime(item, "Announced", List.of("Drama"), "A synopsis that is embedded once.");
        try (var events = TopicProbe.openAtEnd(SharedInfrastructure.kafka().bootstrapServers(), Topics.EMBEDDING_EVENTS)) {
            EmbeddingRequested first = publish(EmbeddingLane.HIGH, item);
            assertThat(awaitOutcome(first.requestId())).isEqualTo("embedded");
            EmbeddingRequested unchanged = publish(EmbeddingLane.HIGH, item);
            assertThat(awaitOutcome(unchanged.requestId())).isEqualTo("skipped_unchanged");
            insertAnime(item, "Announced", List.of("Drama"), "A synopsis that changed, so it is embedded again.");
            EmbeddingRequested changed = publish(EmbeddingLane.HIGH, item);

            // One key, one partition, one producer: the events come in the requests' order, so when the third
            // request's event is there, an event of the second would have been seen before it.
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            events.await(record -> {
                if (item.toString().equals(record.key())) {
                    seen.add(record);
                }
                return record.value().contains(changed.requestId().toString());
            }, TIMEOUT);

            assertThat(seen).extracting(ConsumerRecord::value).satisfiesExactly(
                    event -> assertThat(event).contains(first.requestId().toString()),
                    event -> assertThat(event).contains(changed.requestId().toString()));
            assertThat(seen.getFirst().value())
                    .contains("\"model\":\"" + model.name() + "\"")
                    .contains("\"dimensions\":" + model.dimensions())
                    .contains("\"embeddedAt\"")
                    .doesNotContain("embedding\":[");
            assertThat(vectorCommitted(item)).as("the vector is readable when the event is").isTrue();
        }
    }

    private boolean vectorCommitted(MediaKey item) {
        return jdbc.sql("select exists (select 1 from item_embedding where media_type = ? and provider_id = ? and model = ?)")
                .params(item.type().name(), item.id(), model.name()).query(Boolean.class).single();
    }
}
