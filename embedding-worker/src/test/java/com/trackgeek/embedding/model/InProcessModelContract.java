package com.trackgeek.embedding.model;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every in-process model must do, whichever weights it runs: one vector of its dimensions per text, in
 * order, deterministic, and closer for texts that mean the same than for unrelated ones. Each model's test
 * names the model and its stored name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InProcessModelContract {

    private static final Logger log = LoggerFactory.getLogger(InProcessModelContract.class);
    private InProcessModel model;

    /** Loads the model under test (once per test class: loading takes seconds). */
    abstract InProcessModel load(int threads);

    /** The name stored beside its vectors. */
    abstract String storedName();

    @BeforeAll
    void loadModel() {
        model = load(Runtime.getRuntime().availableProcessors());
    }

    @AfterAll
    void closeModel() {
        model.close();
    }

    @Test
    void everyTextGetsAVectorOfTheModelsDimensionsInOrder() {
        List<float[]> vectors = model.embedAll(List.of("first text", "second, different text", "first text"));

        assertThat(model.name()).isEqualTo(storedName());
        assertThat(model.dimensions()).isEqualTo(384);
        assertThat(vectors).hasSize(3).allSatisfy(vector -> assertThat(vector).hasSize(384));
        assertThat(vectors.get(2)).as("same text, same vector, same position").isEqualTo(vectors.get(0));
        assertThat(vectors.get(1)).isNotEqualTo(vectors.get(0));
        assertThat(model.embedAll(List.of())).isEmpty();
    }

    @Test
    void similarTextsAreCloserThanUnrelatedOnes() {
        List<float[]> vectors = model.embedAll(List.of(
                "A boy pilots a giant robot to fight alien invaders.",
                "A teenager controls a huge mecha in a war against extraterrestrial attackers.",
                "A cozy story about baking bread in a small village bakery."));

        double related = cosine(vectors.get(0), vectors.get(1));
        assertThat(related).isGreaterThan(cosine(vectors.get(0), vectors.get(2)) + 0.1);
        assertThat(related).isGreaterThan(cosine(vectors.get(1), vectors.get(2)) + 0.1);
    }

    @Test
    void measuresThroughput() {
        // Not an assertion on speed (machines differ): a figure in the test log for capacity planning.
        List<String> texts = IntStream.range(0, 64)
                .mapToObj(i -> "Title " + i + "\nGenres: Action, Drama\nA synopsis of about forty words that describes "
                        + "the story of item number " + i + ", its heroes, the world they live in and the trouble they "
                        + "get into, long enough to be a realistic input for the model.")
                .toList();
        long start = System.nanoTime();
        List<float[]> vectors = model.embedAll(texts);
        double seconds = (System.nanoTime() - start) / 1e9;
        long singleStart = System.nanoTime();
        model.embedAll(List.of(texts.getFirst()));
        double single = (System.nanoTime() - singleStart) / 1e6;

        log.info("Throughput of {}: {} texts in {} s = {} embeddings/s in a batch; one text alone {} ms", model.name(),
                texts.size(), String.format("%.2f", seconds), String.format("%.1f", texts.size() / seconds),
                String.format("%.1f", single));
        assertThat(vectors).hasSize(texts.size());
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return dot / Math.sqrt(normA * normB);
    }
}
