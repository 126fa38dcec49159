package com.trackgeek.sync.search;

import com.trackgeek.contracts.FetchRequested;
import com.trackgeek.contracts.ItemSynced;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.SyncLane;
import com.trackgeek.contracts.Topics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

import static com.trackgeek.contracts.MediaType.ANIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A search hit does not stay partial: the worker takes its own bulk fetch of the new hit and stores the whole
 * item, with what a search answer never carries (characters, staff). And a bulk fetch finds nothing to do
 * for an item that is fully stored by then: no provider call.
 */
class PartialItemCompletionIntegrationTest extends AbstractSearchIntegrationTest {

    private static final long MUSHISHI = 457;

    @Test
    void theBulkFetchOfANewHitCompletesThePartialItem() {
        pauseBulkLane();
        try {
            var answer = awaitAnswer(search(ANIME, "mushishi"));
            assertThat(answer.status()).isEqualTo("done");
            assertThat(answer.providerIds()).contains(MUSHISHI);

            assertThat(partial(ANIME, MUSHISHI)).contains(true);
            JsonNode hit = document(ANIME, MUSHISHI).orElseThrow();
            assertThat(hit.get("characters").isEmpty()).as("a search answer has no characters").isTrue();
            assertThat(hit.get("staff").isEmpty()).isTrue();
        } finally {
            resumeBulkLane();
        }

        await().atMost(PATIENCE).until(() -> partial(ANIME, MUSHISHI).orElseThrow(), partial -> !partial);
        JsonNode full = document(ANIME, MUSHISHI).orElseThrow();
        assertThat(full.get("malId").asLong()).isEqualTo(MUSHISHI);
        assertThat(full.get("characters").isEmpty()).as("fetched with the item").isFalse();
        assertThat(full.get("staff").isEmpty()).isFalse();
        assertThat(calls(jikanPath(ANIME, MUSHISHI, "full"))).isEqualTo(1);
    }

    @Test
    void aBulkFetchOfAFullyStoredItemAsksNoProvider() {
        long id = newId();
        try (var events = probe(Topics.SYNC_EVENTS)) {
            assertThat(awaitEvent(events, request(ANIME, id))).isInstanceOf(ItemSynced.class);
        }
        String storedDocument = documentText(ANIME, id).orElseThrow();
        // Synced longer ago than "recently": only its being fully stored spares the provider.
        jdbc.sql("update sync_state set last_synced_at = now() - interval '1 day' where media_type = 'ANIME' and provider_id = :id")
                .param("id", id).update();
        int callsBefore = calls(jikanPath(ANIME, id, ".*"));

        UUID requestId = UUID.randomUUID();
        try (var events = probe(Topics.SYNC_EVENTS)) {
            var fetch = FetchRequested.of(requestId, MediaKey.of(ANIME, id), SyncLane.BULK, Instant.now());
            kafka.send(Topics.SYNC_REQUESTS_BULK, fetch.item().toString(), fetch).join();

            assertThat(awaitEvent(events, requestId)).isInstanceOf(ItemSynced.class);
        }
        assertThat(calls(jikanPath(ANIME, id, ".*"))).isEqualTo(callsBefore);
        assertThat(partial(ANIME, id)).contains(false);
        assertThat(documentText(ANIME, id)).contains(storedDocument);
    }
}
