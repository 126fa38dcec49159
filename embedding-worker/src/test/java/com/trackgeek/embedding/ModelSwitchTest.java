package com.trackgeek.embedding;

import com.trackgeek.contracts.EmbeddingLane;
import com.trackgeek.contracts.EmbeddingRequested;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.embedding.model.TextEmbeddingModel;
import com.trackgeek.servicekit.items.MediaItemStore;
import com.trackgeek.testsupport.SharedInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A worker starting with a model that does not cover the stored catalog (here: every item has a vector of model
 * "old" only) re-embeds it on the low lane, leaves the old vectors alone, and still serves the high lane first.
 * Started by hand, after the catalog is stored, since the backfill runs at start.
 */
@Tag("own-worker")
class ModelSwitchTest {

    /** Enough that the backfill outlasts the high-lane consumer's join of the group on a slow machine. */
    private static final int ITEMS = 1_000;

    @Test
    void aNewModelReEmbedsTheCatalogOnTheLowLaneWhileTheOldVectorsStayAndTheHighLaneGoesFirst() {
        var postgres = SharedInfrastructure.postgres();
        // One connection for the whole test: a connection per statement made storing the catalog take a minute, and
        // made the person's request below wait on a new connection while the backfill went on.
        var dataSource = new SingleConnectionDataSource(postgres.jdbcUrl(), postgres.username(), postgres.password(), true);
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        MediaItemStore store = new MediaItemStore(jdbc);
        List<MediaKey> catalog = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            MediaKey item = WorkerIntegrationTest.newAnimeKey();
            store.upsert(WorkerIntegrationTest.anime(item, "Catalog title " + item.id(), List.of("Drama"),
                    "Catalog story " + i + " about item " + item.id() + ", embedded so far by the old model only."));
            jdbc.sql("""
                            insert into item_embedding (media_type, provider_id, model, dimensions, embedding, content_hash, embedded_at)
                            values ('ANIME', ?, 'old', 3, '{1,2,3}', 'old-hash', '2020-01-01T00:00:00Z')""")
                    .param(item.id()).update();
            catalog.add(item);
        }

        // As arguments: default properties would lose to embedding-worker.yml.
        Map<String, Object> settings = new HashMap<>(SharedInfrastructure.springProperties());
        settings.put("server.port", 0);
        String[] arguments = settings.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toArray(String[]::new);
        try (var worker = new SpringApplicationBuilder(EmbeddingWorkerApplication.class)
                .properties("spring.config.name=embedding-worker")
                .run(arguments)) {
            String model = worker.getBean(TextEmbeddingModel.class).name();
            int lowBatch = worker.getEnvironment().getRequiredProperty("trackgeek.embedding.lanes.low-batch-size", Integer.class);
            // The high lane must be listening before a person's request can overtake anything: its consumer joins the
            // group while the backfill already drains the low lane.
            var highLane = worker.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("embedding-high");
            await().atMost(WorkerIntegrationTest.TIMEOUT).until(() -> highLane != null && highLane.getAssignedPartitions() != null
                    && !highLane.getAssignedPartitions().isEmpty());
            await().atMost(WorkerIntegrationTest.TIMEOUT).until(() -> !embeddedAt(jdbc, catalog, model).isEmpty());

            // A person asks while the backfill drains.
            MediaKey wanted = WorkerIntegrationTest.newAnimeKey();
            store.upsert(WorkerIntegrationTest.anime(wanted, "Wanted now", List.of("Drama"), "The one a person waits for."));
            @SuppressWarnings("unchecked")
            KafkaTemplate<Object, Object> kafka = worker.getBean(KafkaTemplate.class);
            int embeddedBeforeTheRequest = embeddedAt(jdbc, catalog, model).size();
            kafka.send(EmbeddingLane.HIGH.topic(), wanted.toString(),
                    EmbeddingRequested.of(UUID.randomUUID(), wanted, EmbeddingLane.HIGH, Instant.now())).join();

            await().atMost(WorkerIntegrationTest.TIMEOUT.multipliedBy(3))
                    .until(() -> embeddedAt(jdbc, catalog, model).size() == ITEMS && embeddedAt(jdbc, List.of(wanted), model).size() == 1);

            // Counted, not timed: how much of the low backlog went first once the person's request was on its lane.
            OffsetDateTime high = embeddedAt(jdbc, List.of(wanted), model).values().iterator().next();
            long embeddedBeforeHigh = embeddedAt(jdbc, catalog, model).values().stream().filter(at -> at.isBefore(high)).count();
            assertThat(embeddedBeforeHigh - embeddedBeforeTheRequest)
                    .as("catalog items embedded between the high-lane request's sending and its embedding")
                    .isLessThan(lowBatch);
            assertThat(ITEMS - embeddedBeforeHigh).as("catalog items still waiting when the high-lane request was embedded")
                    .isPositive();
            assertThat(jdbc.sql("""
                            select count(*) from item_embedding where media_type = 'ANIME' and model = 'old' and provider_id = any(?)
                               and content_hash = 'old-hash' and embedding = '{1,2,3}' and embedded_at = '2020-01-01T00:00:00Z'""")
                    .param(ids(catalog)).query(Integer.class).single())
                    .as("the old model's vectors keep answering meanwhile, untouched").isEqualTo(ITEMS);
            assertThat(jdbc.sql("select count(distinct provider_id) from embedding_request where lane = 'LOW' and provider_id = any(?)")
                    .param(ids(catalog)).query(Integer.class).single()).as("requested on the low lane").isEqualTo(ITEMS);
            assertThat(worker.getBean(MeterRegistry.class).get("trackgeek.embedding.backfill.requested").counter().count())
                    .isGreaterThanOrEqualTo(ITEMS);
        }
    }

    private static Map<Long, OffsetDateTime> embeddedAt(JdbcClient jdbc, List<MediaKey> items, String model) {
        return jdbc.sql("select provider_id, embedded_at from item_embedding where media_type = 'ANIME' and model = ? and provider_id = any(?)")
                .params(model, ids(items))
                .query((rs, row) -> Map.entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static long[] ids(List<MediaKey> items) {
        return items.stream().mapToLong(MediaKey::id).toArray();
    }

}
