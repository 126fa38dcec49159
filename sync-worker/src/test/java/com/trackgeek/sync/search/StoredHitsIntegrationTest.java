package com.trackgeek.sync.search;

import com.trackgeek.contracts.ItemSynced;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.Topics;
import com.trackgeek.contracts.catalog.CatalogItem;
import com.trackgeek.servicekit.items.MediaItemStore;
import com.trackgeek.sync.SharedSimulator;
import com.trackgeek.sync.provider.MetadataProviders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static com.trackgeek.contracts.MediaType.TV_SHOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search's hits that are already stored: a full item is left exactly as it is (a search hit never
 * overwrites a full item) and a partial one takes the newer hit's values; neither is announced again, so the
 * high embedding lane goes to the first two hits that are new. The worker's bulk lane is held meanwhile.
 */
class StoredHitsIntegrationTest extends AbstractSearchIntegrationTest {

    @Autowired
    MetadataProviders providers;
    @Autowired
    MediaItemStore store;

    @Test
    void aFullHitIsLeftUntouchedAPartialHitIsRefreshedAndNeitherIsAnnouncedAgain() {
        JsonNode results = fixture("tmdb/search-tv-lupin.json").get("results");
        List<Long> hits = longs(results, "id");
        long full = hits.get(0);
        long partial = hits.get(2);
        storeFull(full);
        storePartialWithAStaleTitle(partial, results.get(2).get("name").asString());
        Map<String, Object> fullBefore = stored(full);
        Map<String, Object> partialBefore = stored(partial);
        List<Long> fresh = new ArrayList<>(hits);
        fresh.removeAll(List.of(full, partial));

        pauseBulkLane();
        try (var fetches = probe(Topics.SYNC_REQUESTS_BULK); var high = probe(Topics.EMBEDDING_REQUESTS_HIGH);
             var low = probe(Topics.EMBEDDING_REQUESTS_LOW)) {
            var answer = awaitAnswer(search(TV_SHOW, "lupin"));

            assertThat(answer.status()).isEqualTo("done");
            assertThat(answer.providerIds()).as("stored hits are still hits").containsExactlyElementsOf(hits);

            assertThat(stored(full)).as("the full item, untouched").isEqualTo(fullBefore);
            assertThat(stored(full).get("partial")).isEqualTo(false);

            Map<String, Object> refreshed = stored(partial);
            assertThat(refreshed.get("partial")).isEqualTo(true);
            assertThat(refreshed.get("title")).isEqualTo(results.get(2).get("name").asString());
            assertThat((Date) refreshed.get("last_refreshed_at")).isAfter((Date) partialBefore.get("last_refreshed_at"));

            var fetched = readUntil(fetches, read -> keysOf(read, TV_SHOW, hits).size() >= fresh.size());
            fetched.addAll(fetches.drain(Duration.ofMillis(500)));
            assertThat(keysOf(fetched, TV_SHOW, hits)).as("a bulk fetch for each new hit only")
                    .containsExactlyInAnyOrderElementsOf(keys(fresh));
            var highLane = readUntil(high, read -> keysOf(read, TV_SHOW, hits).size() >= 2);
            highLane.addAll(high.drain(Duration.ofMillis(500)));
            assertThat(keysOf(highLane, TV_SHOW, hits)).as("the first two new hits")
                    .containsExactlyInAnyOrderElementsOf(keys(fresh.subList(0, 2)));
            var lowLane = readUntil(low, read -> keysOf(read, TV_SHOW, hits).size() >= fresh.size() - 2);
            lowLane.addAll(low.drain(Duration.ofMillis(500)));
            assertThat(keysOf(lowLane, TV_SHOW, hits)).containsExactlyInAnyOrderElementsOf(keys(fresh.subList(2, fresh.size())));
        } finally {
            resumeBulkLane();
        }
        awaitFullyStored(TV_SHOW, fresh);
    }

    /** Stored as a person's read stores it: the worker's interactive fetch of the whole show. */
    private void storeFull(long id) {
        int before = calls(SharedSimulator.tmdbPath("tv/" + id));
        try (var events = probe(Topics.SYNC_EVENTS)) {
            assertThat(awaitEvent(events, request(TV_SHOW, id))).isInstanceOf(ItemSynced.class);
        }
        assertThat(calls(SharedSimulator.tmdbPath("tv/" + id))).isGreaterThan(before);
        assertThat(partial(TV_SHOW, id)).contains(false);
    }

    /** Stored as an earlier search stored it, then made recognisably older than the search's answer. */
    private void storePartialWithAStaleTitle(long id, String title) {
        CatalogItem hit = providers.ready(TV_SHOW).search(TV_SHOW, "lupin", 1, PAGE_SIZE).items().stream()
                .filter(item -> item.key().equals(MediaKey.of(TV_SHOW, id))).findFirst().orElseThrow();
        assertThat(store.upsertPartial(hit)).isEqualTo(MediaItemStore.PartialWrite.INSERTED);
        jdbc.sql("update media_item set title = :stale, last_refreshed_at = now() - interval '1 day'"
                        + " where media_type = 'TV_SHOW' and provider_id = :id")
                .param("stale", "Before " + title).param("id", id).update();
    }

    private Map<String, Object> stored(long id) {
        return jdbc.sql("""
                        select document::text as document, title, partial, last_refreshed_at, updated_at
                          from media_item where media_type = 'TV_SHOW' and provider_id = :id""")
                .param("id", id).query().singleRow();
    }

    private static List<String> keys(List<Long> ids) {
        return ids.stream().map(id -> MediaKey.of(TV_SHOW, id).toString()).toList();
    }
}
