package com.trackgeek.embedding;

import com.trackgeek.contracts.EmbeddingLane;
import com.trackgeek.contracts.EmbeddingRequested;
import com.trackgeek.contracts.MediaKey;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Array;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EmbeddingFlowTest extends WorkerIntegrationTest {

    private static final List<String> ACTION = List.of("Action");

    @Autowired
    MeterRegistry meters;

    @Test
    void aStoredItemGetsAVectorOfTheModelAndBecomesFresh() {
        MediaKey item = newAnimeKey();
        insertAnime(item, "Fullmetal Alchemist: Brotherhood", ACTION,
                "Two brothers search for the Philosopher's Stone after a failed alchemical ritual.");
        setSyncState(item, "pending_embeddings");

        EmbeddingRequested request = publish(EmbeddingLane.HIGH, item);

        await().atMost(TIMEOUT).until(() -> syncState(item).orElseThrow().equals("fresh"));
        assertThat(outcome(request.requestId())).contains("embedded");
        StoredVector stored = stored(item);
        assertThat(stored.model()).isEqualTo("bge-small-en-v15-q");
        assertThat(stored.dimensions()).isEqualTo(384);
        assertThat(stored.vector()).hasSize(384);
        assertThat(stored.contentHash()).matches("[0-9a-f]{64}");
        assertThat(norm(stored.vector())).as("a real embedding, not zeros").isGreaterThan(0.5);
    }

    @Test
    void anUnchangedItemIsSkippedAndStillCompleted() {
        MediaKey item = newAnimeKey();
        insertAnime(item, "Mushishi", ACTION, "Ginko wanders the countryside studying mushi.");
        setSyncState(item, "pending_embeddings");
        EmbeddingRequested first = publish(EmbeddingLane.HIGH, item);
        assertThat(awaitOutcome(first.requestId())).isEqualTo("embedded");
        StoredVector before = stored(item);
        double skippedBefore = skippedCount();

        setSyncState(item, "pending_embeddings"); // a refresh that changed nothing the text is made of
        EmbeddingRequested again = publish(EmbeddingLane.LOW, item);

        assertThat(awaitOutcome(again.requestId())).isEqualTo("skipped_unchanged");
        assertThat(syncState(item)).contains("fresh");
        StoredVector after = stored(item);
        assertThat(after.embeddedAt()).as("not computed again").isEqualTo(before.embeddedAt());
        assertThat(after.contentHash()).isEqualTo(before.contentHash());
        assertThat(skippedCount()).isEqualTo(skippedBefore + 1);
        assertThat(UnembeddableTexts.timesGiven("Ginko wanders the countryside studying mushi."))
                .as("model calls with the text: the first request's only").isEqualTo(1);
    }

    @Test
    void aChangedItemIsEmbeddedAgain() {
        MediaKey item = newAnimeKey();
        insertAnime(item, "Planetes", ACTION, "Debris collectors in low Earth orbit.");
        EmbeddingRequested first = publish(EmbeddingLane.LOW, item);
        assertThat(awaitOutcome(first.requestId())).isEqualTo("embedded");
        StoredVector before = stored(item);

        insertAnime(item, "Planetes", ACTION, "Debris collectors in low Earth orbit dream of going to Jupiter.");
        setSyncState(item, "pending_embeddings");
        EmbeddingRequested second = publish(EmbeddingLane.LOW, item);

        assertThat(awaitOutcome(second.requestId())).isEqualTo("embedded");
        StoredVector after = stored(item);
        assertThat(after.contentHash()).isNotEqualTo(before.contentHash());
        assertThat(after.embeddedAt()).isAfter(before.embeddedAt());
        assertThat(after.vector()).isNotEqualTo(before.vector());
        assertThat(syncState(item)).contains("fresh");
        assertThat(UnembeddableTexts.timesGiven("Debris collectors in low Earth orbit dream of going to Jupiter."))
                .as("one model call with the changed text").isEqualTo(1);
    }

    @Test
    void anItemThatIsBeingSyncedAgainIsNotMarkedFresh() {
        MediaKey item = newAnimeKey();
        insertAnime(item, "Cowboy Bebop", ACTION, "Bounty hunters travel the solar system.");
        setSyncState(item, "syncing"); // a newer sync is under way and will request its own embedding

        EmbeddingRequested request = publish(EmbeddingLane.HIGH, item);

        assertThat(awaitOutcome(request.requestId())).isEqualTo("embedded");
        assertThat(syncState(item)).contains("syncing");
    }

    @Test
    void similarItemsGetCloserVectorsThanUnrelatedOnesInOneLowBatch() {
        MediaKey robots = newAnimeKey();
        MediaKey mecha = newAnimeKey();
        MediaKey baking = newAnimeKey();
        List<String> sciFi = List.of("Mecha", "Sci-Fi");
        insertAnime(robots, "Steel Titans", sciFi,
                "Teenage pilots climb into giant robots to defend the Earth from alien invaders.");
        insertAnime(mecha, "Iron Guardians", sciFi,
                "A young soldier pilots a huge mecha in a war against extraterrestrial attackers.");
        insertAnime(baking, "Village Bakery", List.of("Slice of Life", "Gourmet"),
                "A shy girl learns to bake bread and pastries in her grandmother's countryside bakery.");
        List<EmbeddingRequested> requests = List.of(publish(EmbeddingLane.LOW, robots), publish(EmbeddingLane.LOW, mecha),
                publish(EmbeddingLane.LOW, baking));
        requests.forEach(request -> assertThat(awaitOutcome(request.requestId())).isEqualTo("embedded"));

        float[] a = stored(robots).vector();
        float[] b = stored(mecha).vector();
        float[] c = stored(baking).vector();
        assertThat(cosine(a, b)).isGreaterThan(cosine(a, c)).isGreaterThan(0.0);
        assertThat(cosine(a, b)).isGreaterThan(cosine(b, c));
    }

    private double skippedCount() {
        return meters.get("trackgeek.embedding.requests.completed")
                .tags("lane", "low", "outcome", "skipped_unchanged").counter().count();
    }

    record StoredVector(String model, int dimensions, float[] vector, String contentHash, OffsetDateTime embeddedAt) {
    }

    StoredVector stored(MediaKey item) {
        return jdbc.sql("""
                        select model, dimensions, embedding, content_hash, embedded_at from item_embedding
                        where media_type = ? and provider_id = ?""")
                .params(item.type().name(), item.id())
                .query((rs, row) -> new StoredVector(rs.getString("model"), rs.getInt("dimensions"),
                        floats(rs.getArray("embedding")), rs.getString("content_hash"),
                        rs.getObject("embedded_at", OffsetDateTime.class)))
                .single();
    }

    private static float[] floats(Array array) throws SQLException {
        Float[] boxed = (Float[]) array.getArray();
        float[] floats = new float[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            floats[i] = boxed[i];
        }
        return floats;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot / (norm(a) * norm(b));
    }

    static double norm(float[] vector) {
        double sum = 0;
        for (float value : vector) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }
}
