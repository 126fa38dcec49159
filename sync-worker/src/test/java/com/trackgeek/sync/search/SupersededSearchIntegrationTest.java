package com.trackgeek.sync.search;

import com.trackgeek.contracts.FetchRequested;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.ProviderSearchRequested;
import com.trackgeek.contracts.SyncLane;
import com.trackgeek.contracts.Topics;
import com.trackgeek.sync.SharedSimulator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.UUID;

import static com.trackgeek.contracts.MediaType.ANIME;
import static com.trackgeek.contracts.MediaType.MOVIE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A command is answered only into its own running row: one whose row a newer search took over, or whose row
 * is answered already, changes nothing and asks no provider. A redelivered command of an answered row only
 * publishes the follow-ups its row still lists as unannounced (the crash came between the answer and Kafka).
 * That the worker took each command is read from its search timer's outcomes.
 */
class SupersededSearchIntegrationTest extends AbstractSearchIntegrationTest {

    private static final String MOVIE_SEARCH = SharedSimulator.tmdbPath("search/movie");

    @Autowired
    MeterRegistry meters;

    @Test
    void aCommandWhoseRowANewerSearchTookOverChangesNothingAndAsksNoProvider() {
        ProviderSearchRequested late = command(MOVIE, uniqueQuery("harry potter taken over"));
        ProviderSearchRequested newer = ProviderSearchRequested.of(UUID.randomUUID(), late.type(), late.query(),
                late.page(), late.limit(), late.requestedAt());
        claim(newer);
        int callsBefore = calls(MOVIE_SEARCH);
        long supersededBefore = taken(MOVIE, "superseded");

        publish(late);

        await().atMost(PATIENCE).until(() -> taken(MOVIE, "superseded") > supersededBefore);
        var row = row(late).orElseThrow();
        assertThat(row.searchId()).isEqualTo(newer.searchId());
        assertThat(row.status()).isEqualTo("running");
        assertThat(row.providerIds()).isNull();
        assertThat(row.answered()).isFalse();
        assertThat(calls(MOVIE_SEARCH)).isEqualTo(callsBefore);
    }

    @Test
    void aCommandWhoseRowIsAnsweredAlreadyChangesNothingAndAsksNoProvider() {
        ProviderSearchRequested repeated = command(MOVIE, uniqueQuery("harry potter answered"));
        claim(repeated);
        answer(repeated, List.of(671L, 767L), List.of());
        var answered = row(repeated).orElseThrow();
        int callsBefore = calls(MOVIE_SEARCH);
        long replayedBefore = taken(MOVIE, "replayed");

        publish(repeated);

        await().atMost(PATIENCE).until(() -> taken(MOVIE, "replayed") > replayedBefore);
        assertThat(row(repeated)).contains(answered);
        assertThat(calls(MOVIE_SEARCH)).isEqualTo(callsBefore);
    }

    @Test
    void aRedeliveredCommandOfAnAnsweredRowPublishesOnlyItsUnannouncedFollowUps() {
        long unannounced = madeUpId();
        ProviderSearchRequested redelivered = command(ANIME, uniqueQuery("mushishi redelivered"));
        claim(redelivered);
        answer(redelivered, List.of(unannounced), List.of(unannounced));
        int callsBefore = calls(SharedSimulator.jikanPath("anime"));

        try (var fetches = probe(Topics.SYNC_REQUESTS_BULK)) {
            publish(redelivered);

            var record = fetches.await(r -> r.key().equals(MediaKey.of(ANIME, unannounced).toString()), PATIENCE);
            assertThat(json.readValue(record.value(), FetchRequested.class).lane()).isEqualTo(SyncLane.BULK);
        }
        var row = awaitAnswer(redelivered);
        assertThat(row.status()).isEqualTo("done");
        assertThat(row.providerIds()).containsExactly(unannounced);
        assertThat(calls(SharedSimulator.jikanPath("anime"))).as("the answer is not asked for again").isEqualTo(callsBefore);
    }

    /** The row answered as the worker answers it, with {@code unannounced} hits' follow-ups not yet in Kafka. */
    private void answer(ProviderSearchRequested command, List<Long> hits, List<Long> unannounced) {
        jdbc.sql("""
                        update provider_search
                           set status = 'done', provider_ids = :ids, total = :total, has_more = false,
                               unannounced_ids = :unannounced, answered_at = now()
                         where media_type = :type and query = :query and search_id = :searchId""")
                .param("ids", hits.stream().mapToLong(Long::longValue).toArray())
                .param("total", (long) hits.size())
                .param("unannounced", unannounced.stream().mapToLong(Long::longValue).toArray())
                .param("type", command.type().name()).param("query", command.query())
                .param("searchId", command.searchId())
                .update();
    }

    /** How many provider searches of {@code type} the worker took with this outcome. */
    private long taken(MediaType type, String outcome) {
        Timer timer = meters.find("trackgeek.sync.search.duration").tag("type", type.name()).tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }
}
