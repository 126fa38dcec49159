package com.trackgeek.sync.provider.igdb;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.simulator.EmbeddedSimulator;
import com.trackgeek.sync.SharedSimulator;
import com.trackgeek.sync.provider.ChangeFeed;
import com.trackgeek.sync.provider.ProviderException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * IGDB's change feed through the provider seam: the games whose {@code updated_at} lies in {@code (from, to]}, 500 a
 * call, every page read, each id named once; the seconds already passed are final; at most 30 days a read; nothing
 * without credentials. The times are this class's own (2034), so no other test's scripted changes are named.
 */
class IgdbChangeFeedTest {

    private static final String GAMES = "/igdb/v4/games";

    private final IgdbTestProviders providers = new IgdbTestProviders();

    @AfterEach
    void cleanUp() {
        providers.close();
    }

    @Test
    void everyPageOfFiveHundredIsReadUntilOneIsNotFullAndEachIdIsNamedOnce() {
        Instant at = Instant.parse("2034-02-10T09:00:00Z");
        long[] ids = LongStream.rangeClosed(8_100_001, 8_101_100).toArray();
        for (int i = 0; i < ids.length; i++) {
            simulator().igdb().updated(at.plusSeconds(i % 7), ids[i]);
        }
        int callsBefore = simulator().requests().count(GAMES);

        ChangeFeed.Changes changes = feed().changed(MediaType.GAME, at.minus(Duration.ofHours(1)), at.plus(Duration.ofHours(1)));

        assertThat(changes.ids()).hasSize(1100).doesNotHaveDuplicates().contains(ids[0], ids[1099]);
        assertThat(changes.calls()).as("500 + 500 + 100").isEqualTo(3);
        assertThat(simulator().requests().count(GAMES) - callsBefore).isEqualTo(3);
    }

    @Test
    void aFullLastPageCostsOneMoreCallThatFindsNothing() {
        Instant at = Instant.parse("2034-03-01T10:00:00Z");
        simulator().igdb().updated(at, LongStream.rangeClosed(8_200_001, 8_200_500).toArray());

        var changes = feed().changed(MediaType.GAME, at.minusSeconds(1), at);

        assertThat(changes.ids()).hasSize(500);
        assertThat(changes.calls()).isEqualTo(2);
    }

    @Test
    void theRangeExcludesItsStartAndIncludesItsEndInWholeSeconds() {
        Instant from = Instant.parse("2034-04-01T10:00:00Z");
        Instant to = Instant.parse("2034-04-01T11:00:00Z");
        simulator().igdb().updated(from, 8_300_001);
        simulator().igdb().updated(from.plusSeconds(1), 8_300_002);
        simulator().igdb().updated(to, 8_300_003);
        simulator().igdb().updated(to.plusSeconds(1), 8_300_004);

        var changes = feed().changed(MediaType.GAME, from, to);
        var next = feed().changed(MediaType.GAME, to, to.plus(Duration.ofMinutes(5)));

        assertThat(changes.ids()).containsExactly(8_300_002L, 8_300_003L);
        assertThat(next.ids()).as("the next read starts where this one ended: nothing twice, nothing missed")
                .containsExactly(8_300_004L);
    }

    @Test
    void theSecondsThatHavePassedAreFinalAndAReadReachesThirtyDays() {
        Instant to = Instant.parse("2034-05-20T12:00:00Z");
        ChangeFeed feed = feed();

        var thirty = feed.changed(MediaType.GAME, to.minus(feed.reach()), to);
        var tooLong = catchThrowable(() -> feed.changed(MediaType.GAME, to.minus(Duration.ofDays(31)), to));

        assertThat(feed.settledUntil(Instant.parse("2034-05-20T12:00:07.250Z"))).isEqualTo(Instant.parse("2034-05-20T12:00:06Z"));
        assertThat(feed.reach()).isEqualTo(Duration.ofDays(30));
        assertThat(feed.mediaTypes()).containsExactly(MediaType.GAME);
        assertThat(thirty.calls()).isEqualTo(1);
        assertThat(tooLong).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutCredentialsTheFeedIsOffBeforeAnyCall() {
        ChangeFeed off = providers.provider(null, null, new SimpleMeterRegistry()).changeFeed().orElseThrow();
        int callsBefore = simulator().requests().count(GAMES);

        var failure = catchThrowableOfType(ProviderException.class, () -> off.changed(MediaType.GAME,
                Instant.parse("2034-06-01T00:00:00Z"), Instant.parse("2034-06-02T00:00:00Z")));

        assertThat(failure.code()).isEqualTo(ErrorCode.IGDB_NOT_CONFIGURED);
        assertThat(simulator().requests().count(GAMES)).isEqualTo(callsBefore);
    }

    private ChangeFeed feed() {
        return providers.provider(SharedSimulator.IGDB_CLIENT_ID, SharedSimulator.IGDB_CLIENT_SECRET, new SimpleMeterRegistry())
                .changeFeed().orElseThrow();
    }

    private static EmbeddedSimulator simulator() {
        return SharedSimulator.simulator();
    }
}
