package com.trackgeek.embedding;

import com.trackgeek.contracts.EmbeddingLane;
import com.trackgeek.contracts.EmbeddingRequested;
import com.trackgeek.contracts.MediaKey;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LaneRecordingTest extends WorkerIntegrationTest {

    @Test
    void requestsOnBothLanesAreRecordedOnceEachEvenWhenDeliveredTwice() {
        MediaKey highItem = newAnimeKey();
        MediaKey lowItem = newAnimeKey();
        EmbeddingRequested high = publish(EmbeddingLane.HIGH, highItem);
        EmbeddingRequested low = publish(EmbeddingLane.LOW, lowItem);
        publish(high); // the same request again, as after a crash before the offset commit
        publish(low);

        await().atMost(TIMEOUT).until(() -> deliveries(high) == 2 && deliveries(low) == 2);

        var rows = jdbc.sql("""
                        select request_id, media_type, provider_id, lane, received_at, outcome from embedding_request
                        where request_id in (?, ?)""")
                .params(high.requestId(), low.requestId())
                .query().listOfRows();
        assertThat(rows).hasSize(2);
        Map<String, Object> highRow = rows.stream().filter(row -> row.get("request_id").equals(high.requestId())).findFirst().orElseThrow();
        Map<String, Object> lowRow = rows.stream().filter(row -> row.get("request_id").equals(low.requestId())).findFirst().orElseThrow();
        assertThat(highRow).containsEntry("lane", "HIGH").containsEntry("media_type", "ANIME")
                .containsEntry("provider_id", highItem.id());
        assertThat(lowRow).containsEntry("lane", "LOW").containsEntry("provider_id", lowItem.id());
        assertThat(highRow.get("received_at")).isNotNull();
        // Neither item is stored: recorded, nothing embedded.
        await().atMost(TIMEOUT).until(() -> "item_missing".equals(outcome(high.requestId()).orElse(null))
                && "item_missing".equals(outcome(low.requestId()).orElse(null)));
    }

    @Test
    void aRequestForAnItemNotStoredYetLeavesItsSyncStateAlone() {
        MediaKey item = newAnimeKey();
        setSyncState(item, "pending_embeddings");

        EmbeddingRequested request = publish(EmbeddingLane.HIGH, item);

        assertThat(awaitOutcome(request.requestId())).isEqualTo("item_missing");
        assertThat(syncState(item)).contains("pending_embeddings");
        assertThat(jdbc.sql("select count(*) from item_embedding where provider_id = ?").param(item.id())
                .query(Integer.class).single()).isZero();
    }

    private int deliveries(EmbeddingRequested request) {
        return jdbc.sql("select coalesce(sum(deliveries), 0) from embedding_request where request_id = ?")
                .param(request.requestId()).query(Integer.class).single();
    }
}
