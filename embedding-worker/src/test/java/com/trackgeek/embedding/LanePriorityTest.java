package com.trackgeek.embedding;

import com.trackgeek.contracts.EmbeddingLane;
import com.trackgeek.contracts.EmbeddingRequested;
import com.trackgeek.contracts.MediaKey;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LanePriorityTest extends WorkerIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(LanePriorityTest.class);

    private static final int LOW = 200;
    private static final int HIGH = 20;
    /** trackgeek.embedding.lanes.low-chunk-size in embedding-worker.yml. */
    private static final int LOW_CHUNK = 8;

    @Test
    void highRequestsAreServedBeforeALowBacklog() {
        List<MediaKey> lowItems = new ArrayList<>();
        List<MediaKey> highItems = new ArrayList<>();
        for (int i = 0; i < LOW; i++) {
            lowItems.add(storeDistinctAnime("backlog", i));
        }
        for (int i = 0; i < HIGH; i++) {
            highItems.add(storeDistinctAnime("interactive", i));
        }

        lowItems.forEach(item -> kafkaSendAsync(EmbeddingLane.LOW, item));
        kafka.flush();
        highItems.forEach(item -> kafkaSendAsync(EmbeddingLane.HIGH, item));
        kafka.flush();

        await().atMost(TIMEOUT.multipliedBy(3)).until(() -> embeddedAt(lowItems).size() == LOW && embeddedAt(highItems).size() == HIGH);
        List<OffsetDateTime> low = embeddedAt(lowItems).values().stream().sorted().toList();
        List<OffsetDateTime> high = embeddedAt(highItems).values().stream().sorted().toList();
        OffsetDateTime firstHigh = high.getFirst();
        OffsetDateTime lastHigh = high.getLast();

        long lowBeforeLastHigh = low.stream().filter(at -> at.isBefore(lastHigh)).count();
        long lowWhileHighWasServed = low.stream().filter(at -> !at.isBefore(firstHigh) && !at.isAfter(lastHigh)).count();
        log.info("Priority: {} low before the last high, {} low while high was served ({} ms from first to last high); "
                        + "{} low embedded in {} ms", lowBeforeLastHigh, lowWhileHighWasServed,
                Duration.between(firstHigh, lastHigh).toMillis(), LOW, Duration.between(low.getFirst(), low.getLast()).toMillis());
        assertThat(lowBeforeLastHigh).as("low items embedded before the last high one").isLessThan(LOW / 2);
        // Only the low chunks already under way when the high requests arrived (two at most) may finish in between.
        assertThat(lowWhileHighWasServed).as("low items embedded while high ones were served").isLessThanOrEqualTo(2L * LOW_CHUNK);
    }

    private MediaKey storeDistinctAnime(String prefix, int i) {
        MediaKey item = newAnimeKey();
        insertAnime(item, prefix + " title " + item.id(), List.of("Drama"),
                "Story number " + i + " of the " + prefix + " set, about item " + item.id() + " and nothing else.");
        return item;
    }

    private void kafkaSendAsync(EmbeddingLane lane, MediaKey item) {
        kafka.send(lane.topic(), item.toString(), EmbeddingRequested.of(UUID.randomUUID(), item, lane, Instant.now()));
    }

    private Map<Long, OffsetDateTime> embeddedAt(List<MediaKey> items) {
        long[] ids = items.stream().mapToLong(MediaKey::id).toArray();
        return jdbc.sql("select provider_id, embedded_at from item_embedding where media_type = 'ANIME' and provider_id = any(?)")
                .param(ids)
                .query((rs, row) -> Map.entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class)))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
