package com.trackgeek.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The quality of each in-process model's neighbours, measured on the real items of the fixtures (every anime and
 * manga the recorded Jikan bodies hold: the Naruto search, two season pages, the full entries, the Jujutsu Kaisen
 * search, Fullmetal Alchemist), stored through the real pipeline so each vector is computed from the text the
 * embedding worker embeds. The pipeline's own embedding worker embeds with the default model; each other model
 * gets a worker of its own, in its own consumer group, which embeds every requested item again under its name.
 *
 * <p>A report, not a test of the build: run by {@code infra/benchmarks/quality.sh}
 * ({@code -Dtrackgeek.quality=true}), it writes the table to {@code target/similar-titles-quality.txt}. It fails
 * only when the pipeline did not store a vector of every model for every item.
 */
@EnabledIfSystemProperty(named = "trackgeek.quality", matches = "true")
class SimilarTitlesQualityReport {

    /** The in-process models, compared unless {@code -Dtrackgeek.quality.models} names others. */
    private static final String MODELS = "all-minilm-l6-v2-q,bge-small-en-v15-q";
    private static final Path TABLE = Path.of("target", "similar-titles-quality.txt");

    private final Pipeline pipeline = Pipeline.get();

    @Test
    void neighboursOfTheFixtureItemsByEachModel() {
        List<String> models = Arrays.stream(System.getProperty("trackgeek.quality.models", MODELS)
                .split(",")).map(String::strip).filter(model -> !model.isEmpty()).toList();
        List<ConfigurableApplicationContext> workers = new ArrayList<>();
        for (String model : models) {
            if (!model.equals(pipeline.embeddingModel())) {
                workers.add(pipeline.startEmbeddingWorker(Map.of("trackgeek.embedding.model.provider", model,
                        "spring.kafka.consumer.group-id", "quality-" + model)));
            }
        }
        try {
            List<String> keys = FixtureItems.storeAll(pipeline);
            for (String model : models) {
                await(model).atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> EmbeddedItems.count(model, keys), count -> count == keys.size());
            }
            List<NeighbourQuality> rows = new ArrayList<>();
            for (String model : models) {
                rows.add(NeighbourQuality.of(model, EmbeddedItems.of(model, keys)));
            }
            List<EmbeddedItem> items = EmbeddedItems.of(models.getFirst(), keys);
            rows.add(NeighbourQuality.atRandom(items));
            rows.add(NeighbourQuality.attainable(items));
            write(table(rows));
            assertThat(rows).allSatisfy(row -> assertThat(row.items()).isEqualTo(keys.size()));
        } finally {
            workers.forEach(ConfigurableApplicationContext::close);
        }
    }

    private static String table(List<NeighbourQuality> rows) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("Similar titles: the %d nearest neighbours (cosine) of each fixture item, per model%n", NeighbourQuality.K));
        text.append(String.format("%-22s | %5s | %17s | %15s | %12s | %s%n", "model", "items", "top-5 share genre",
                "share franchise", "share either", "Naruto nearest OK n/N"));
        text.append("-".repeat(110)).append(System.lineSeparator());
        for (NeighbourQuality row : rows) {
            text.append(String.format("%-22s | %5d | %17.3f | %15.3f | %12.3f | %s%n", row.model(), row.items(),
                    row.genre(), row.franchise(), row.either(),
                    row.narutoEntries() == 0 ? "-" : row.narutoOk() + "/" + row.narutoEntries()));
        }
        for (NeighbourQuality row : rows) {
            row.narutoMisses().forEach(miss -> text.append(String.format("%s: Naruto entry whose nearest is not: %s%n",
                    row.model(), miss)));
        }
        return text.toString();
    }

    private static void write(String table) {
        try {
            Files.writeString(TABLE, table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
