package com.trackgeek.sync.bulk;

import com.trackgeek.contracts.Topics;
import com.trackgeek.contracts.bulk.BulkSelector;
import com.trackgeek.contracts.bulk.BulkSyncRequested;
import com.trackgeek.contracts.bulk.SeasonName;
import com.trackgeek.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.trackgeek.contracts.MediaType.ANIME;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole broadcast season, as a producer sends it: every entry of every page of Jikan's season (the recorded
 * winter 2018 page first) is stored once, the command sent twice runs once, and a second job for the season
 * finds every item fresh and costs only the season's listing.
 */
class SeasonBulkSyncIntegrationTest extends AbstractBulkIntegrationTest {

    private static final String WINTER_2018 = "/jikan/v4/seasons/2018/winter";
    private static final BulkSelector.Season SEASON = new BulkSelector.Season(ANIME, 2018, SeasonName.WINTER);

    @Test
    void aSeasonIsStoredOnceEntryByEntryAndASecondJobSkipsEveryItemAsFresh() {
        int listingsBefore = jikan().requests().count(WINTER_2018);
        Instant started = Instant.now();
        UUID jobId = UUID.randomUUID();
        var command = BulkSyncRequested.of(jobId, SEASON, "season-importer", Instant.now());

        try (var events = probe(Topics.SYNC_EVENTS)) {
            command(command);
            command(command); // a producer's resend: the same job, which runs once
            assertThat(awaitFinished(jobId)).isEqualTo("done");
            events.await(record -> record.value().contains(jobId.toString()), PATIENCE);
        }

        Map<Long, String> outcomes = outcomes(jobId);
        Map<String, Object> job = job(jobId);
        long total = (Long) job.get("provider_total");
        int pages = (int) ((total + 24) / 25);
        assertThat(outcomes).hasSize((int) total);
        assertThat(outcomes.values()).containsOnly("stored");
        assertThat(new ArrayList<>(outcomes.keySet()).subList(0, recordedFirstPage().size())).as("the recorded first page, in its order")
                .containsExactlyElementsOf(recordedFirstPage());
        for (long id : outcomes.keySet()) {
            assertThat(document(ANIME, id)).as("anime " + id).isPresent();
            assertThat(state(ANIME, id)).isEqualTo("pending_embeddings");
        }
        assertThat(jikan().requests().count(WINTER_2018) - listingsBefore).as("each page listed once").isEqualTo(pages);
        assertThat(job.get("source")).isEqualTo("kafka");
        assertThat(job.get("requested_by")).isEqualTo("season-importer");
        assertThat(job.get("expansion_done")).isEqualTo(true);
        assertThat((Long) job.get("provider_calls")).as("every listing and fetch call the fake answered")
                .isEqualTo(pages + itemCalls(outcomes.keySet(), started));

        long itemCallsBefore = itemCalls(outcomes.keySet(), started);
        UUID secondJob = start(SEASON);

        assertThat(awaitFinished(secondJob)).isEqualTo("done");
        assertThat(outcomes(secondJob)).hasSize((int) total);
        assertThat(outcomes(secondJob).values()).containsOnly("skipped_fresh");
        assertThat(itemCalls(outcomes.keySet(), started)).as("no item fetched again").isEqualTo(itemCallsBefore);
        assertThat(jikan().requests().count(WINTER_2018) - listingsBefore).isEqualTo(2 * pages);
        assertThat((Long) job(secondJob).get("provider_calls")).isEqualTo(pages);
    }

    /** Calls the fake answered for these anime since {@code since} (other tests may have asked for some before). */
    private long itemCalls(Iterable<Long> ids, Instant since) {
        long calls = 0;
        for (long id : ids) {
            calls += jikan().requests().arrivals("/jikan/v4/anime/" + id + "/.*").stream()
                    .filter(arrival -> !arrival.isBefore(since)).count();
        }
        return calls;
    }

    private List<Long> recordedFirstPage() {
        return json.readTree(Fixtures.body("jikan/seasons-2018-winter.json")).get("data").valueStream()
                .map(anime -> anime.get("mal_id").asLong()).toList();
    }
}
