package com.trackgeek.sync.provider.tmdb;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.simulator.EmbeddedSimulator;
import com.trackgeek.sync.SharedSimulator;
import com.trackgeek.sync.provider.ChangeFeed;
import com.trackgeek.sync.provider.MetadataProvider;
import com.trackgeek.sync.provider.ProviderException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * TMDB's change feeds through the provider seam: every page read (100 ids each), movies and shows apart, whole days
 * (a change earlier on the first day is named too), at most 14 days a read, and nothing without credentials.
 * The days are this class's own (2032), so no other test's scripted changes are named.
 */
class TmdbChangeFeedTest {

    private static final String MOVIE_CHANGES = SharedSimulator.tmdbPath("movie/changes");

    private final EmbeddedSimulator tmdb = SharedSimulator.simulator();
    private final ChangeFeed feed = TmdbProviderTest.provider(tmdb.tmdbBaseUrl(), SharedSimulator.TMDB_API_KEY, null)
            .changeFeed().orElseThrow();

    @Test
    void everyPageOfTheRangeIsReadAndEachIdNamedOnce() {
        Instant at = Instant.parse("2032-02-10T09:00:00Z");
        long[] ids = LongStream.rangeClosed(7_100_001, 7_100_250).toArray();
        tmdb.tmdb().changed("movie", at, ids);
        tmdb.tmdb().changed("movie", at.plus(Duration.ofHours(2)), ids[0]);
        tmdb.tmdb().changed("tv", at, 7_100_999);
        int callsBefore = tmdb.requests().count(MOVIE_CHANGES);

        ChangeFeed.Changes movies = feed.changed(MediaType.MOVIE, at.minus(Duration.ofHours(1)), at.plus(Duration.ofHours(3)));
        ChangeFeed.Changes shows = feed.changed(MediaType.TV_SHOW, at.minus(Duration.ofHours(1)), at.plus(Duration.ofHours(3)));

        assertThat(movies.ids()).hasSize(250).doesNotHaveDuplicates().contains(ids[0], ids[249]);
        assertThat(movies.calls()).isEqualTo(3);
        assertThat(tmdb.requests().count(MOVIE_CHANGES) - callsBefore).isEqualTo(3);
        assertThat(shows.ids()).containsExactly(7_100_999L);
    }

    @Test
    void theFeedCountsInWholeDaysSoAChangeEarlierOnTheFirstDayIsNamedToo() {
        tmdb.tmdb().changed("movie", Instant.parse("2032-03-01T01:00:00Z"), 7_200_001);
        tmdb.tmdb().changed("movie", Instant.parse("2032-02-29T23:00:00Z"), 7_200_002);

        var changes = feed.changed(MediaType.MOVIE, Instant.parse("2032-03-01T20:00:00Z"), Instant.parse("2032-03-01T21:00:00Z"));

        assertThat(changes.ids()).contains(7_200_001L).doesNotContain(7_200_002L);
    }

    @Test
    void theFeedIsFinalForCompletedDaysOnlyAndAReadUpToMidnightIsOneOfTheDayThatEnded() {
        tmdb.tmdb().changed("movie", Instant.parse("2032-03-10T23:00:00Z"), 7_300_001);
        tmdb.tmdb().changed("movie", Instant.parse("2032-03-11T01:00:00Z"), 7_300_002);

        var changes = feed.changed(MediaType.MOVIE, Instant.parse("2032-03-10T00:00:00Z"), Instant.parse("2032-03-11T00:00:00Z"));

        assertThat(feed.settledUntil(Instant.parse("2032-03-11T15:30:00Z"))).isEqualTo(Instant.parse("2032-03-11T00:00:00Z"));
        assertThat(changes.ids()).contains(7_300_001L).doesNotContain(7_300_002L);
    }

    @Test
    void aReadReachesFourteenDaysAndNoFurther() {
        Instant to = Instant.parse("2032-04-20T12:00:00Z");

        var fourteen = feed.changed(MediaType.TV_SHOW, to.minus(feed.reach()), to);
        var tooLong = catchThrowable(() -> feed.changed(MediaType.TV_SHOW, to.minus(Duration.ofDays(15)), to));

        assertThat(feed.reach()).isEqualTo(Duration.ofDays(14));
        assertThat(fourteen.calls()).isEqualTo(1);
        assertThat(tooLong).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutCredentialsTheFeedIsOffBeforeAnyCall() {
        MetadataProvider off = TmdbProviderTest.provider(tmdb.tmdbBaseUrl(), null, null);
        int callsBefore = tmdb.requests().count(MOVIE_CHANGES);

        var failure = catchThrowableOfType(ProviderException.class, () -> off.changeFeed().orElseThrow()
                .changed(MediaType.MOVIE, Instant.parse("2032-05-01T00:00:00Z"), Instant.parse("2032-05-02T00:00:00Z")));

        assertThat(failure.code()).isEqualTo(ErrorCode.TMDB_NOT_CONFIGURED);
        assertThat(tmdb.requests().count(MOVIE_CHANGES)).isEqualTo(callsBefore);
    }
}
