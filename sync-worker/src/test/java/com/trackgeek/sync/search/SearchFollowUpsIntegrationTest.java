package com.trackgeek.sync.search;

import com.trackgeek.contracts.EmbeddingLane;
import com.trackgeek.contracts.EmbeddingRequested;
import com.trackgeek.contracts.FetchRequested;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.SyncLane;
import com.trackgeek.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.trackgeek.contracts.MediaType.MOVIE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a search's new hits need next is in Kafka once the search is answered: a full fetch each on the bulk
 * lane, and an embedding each, the first two hits (in the provider's order) on the high lane and the rest on
 * the low one; the row keeps no unannounced hit. The worker's bulk lane is held, so the only records about the
 * hits are the search's own.
 */
class SearchFollowUpsIntegrationTest extends AbstractSearchIntegrationTest {

    @Test
    void eachNewHitGetsABulkFetchAndAnEmbeddingTheFirstTwoOnTheHighLane() {
        List<Long> hits = longs(fixture("tmdb/search-movie-harry-potter.json").get("results"), "id");
        assertThat(hits).hasSize(5);

        pauseBulkLane();
        try (var fetches = probe(Topics.SYNC_REQUESTS_BULK); var high = probe(Topics.EMBEDDING_REQUESTS_HIGH);
             var low = probe(Topics.EMBEDDING_REQUESTS_LOW)) {
            var answer = awaitAnswer(search(MOVIE, "harry potter"));
            assertThat(answer.status()).isEqualTo("done");
            assertThat(answer.providerIds()).containsExactlyElementsOf(hits);
            assertThat(answer.unannouncedIds()).as("every follow-up acknowledged by Kafka").isEmpty();

            var fetched = readUntil(fetches, read -> keysOf(read, MOVIE, hits).size() >= hits.size());
            var highLane = readUntil(high, read -> keysOf(read, MOVIE, hits).size() >= 2);
            var lowLane = readUntil(low, read -> keysOf(read, MOVIE, hits).size() >= 3);
            // Anything more, a duplicate say, is in Kafka by now too.
            fetched.addAll(fetches.drain(Duration.ofMillis(500)));
            highLane.addAll(high.drain(Duration.ofMillis(500)));
            lowLane.addAll(low.drain(Duration.ofMillis(500)));

            assertThat(keysOf(fetched, MOVIE, hits)).containsExactlyInAnyOrderElementsOf(keys(hits));
            for (ConsumerRecord<String, String> record : fetched) {
                if (keys(hits).contains(record.key())) {
                    var fetch = json.readValue(record.value(), FetchRequested.class);
                    assertThat(fetch.lane()).isEqualTo(SyncLane.BULK);
                    assertThat(fetch.item().toString()).isEqualTo(record.key());
                }
            }
            assertThat(keysOf(highLane, MOVIE, hits)).containsExactlyInAnyOrderElementsOf(keys(hits.subList(0, 2)));
            assertThat(keysOf(lowLane, MOVIE, hits)).containsExactlyInAnyOrderElementsOf(keys(hits.subList(2, 5)));
            assertLane(highLane, hits, EmbeddingLane.HIGH);
            assertLane(lowLane, hits, EmbeddingLane.LOW);
        } finally {
            resumeBulkLane();
        }
        awaitFullyStored(MOVIE, hits);
    }

    private void assertLane(List<ConsumerRecord<String, String>> records, List<Long> hits, EmbeddingLane lane) {
        for (ConsumerRecord<String, String> record : records) {
            if (keys(hits).contains(record.key())) {
                var embedding = json.readValue(record.value(), EmbeddingRequested.class);
                assertThat(embedding.lane()).isEqualTo(lane);
                assertThat(embedding.item().toString()).isEqualTo(record.key());
            }
        }
    }

    private static List<String> keys(List<Long> ids) {
        return ids.stream().map(id -> MediaKey.of(MOVIE, id).toString()).toList();
    }
}
