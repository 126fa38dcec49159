package com.trackgeek.sync.changefeed;

import com.trackgeek.contracts.MediaType;
import com.trackgeek.simulator.EmbeddedSimulator;
import com.trackgeek.sync.SharedSimulator;
import com.trackgeek.sync.command.AbstractWorkerIntegrationTest;
import com.trackgeek.sync.provider.MetadataProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TMDB's change feed against real PostgreSQL and the simulated TMDB: the held movies it names are made due now, the
 * others keep their due time; the feed's position survives a restart of the poller; a position older than the 14
 * days TMDB covers is read for those 14 days only, and the gap is counted; a feed TMDB cannot answer keeps its
 * position and is read again on the next poll. IGDB's feed (by {@code updated_at}) makes due the held games it names,
 * through the last second that has passed.
 *
 * <p>Each poll runs on a poller of the test's own, on a clock the test sets, over the worker's providers and
 * database: a new poller is what a restarted worker has. The movies and the feed's days are the test's own (in
 * 2031; IGDB's in 2035), so the simulated feed names no other test's items. IGDB's feed is read too at every poll:
 * the TMDB cases look at TMDB's media types only.
 */
class ChangeFeedPollerIntegrationTest extends AbstractWorkerIntegrationTest {

    private static final Instant FAR = Instant.parse("2040-01-01T00:00:00Z");

    private final EmbeddedSimulator tmdb = SharedSimulator.simulator();

    @Autowired
    List<MetadataProvider> providers;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void ofTenStoredMoviesTheThreeTheFeedNamesAreMadeDueAndTheSevenOthersAreNot() {
        Instant now = Instant.parse("2031-03-05T12:00:00Z");
        Instant today = Instant.parse("2031-03-05T00:00:00Z");
        List<Long> movies = LongStream.range(0, 10).map(i -> newId()).boxed().toList();
        movies.forEach(id -> store(id, false, false));
        long gone = newId();
        long partial = newId();
        long notHeld = newId();
        store(gone, true, false);
        store(partial, false, true);
        startFeedAt(today.minus(Duration.ofDays(1)));
        tmdb.tmdb().changed("movie", today.minus(Duration.ofMinutes(30)),
                movies.get(1), movies.get(4), movies.get(8), gone, partial, notHeld);
        tmdb.tmdb().changed("movie", now.minus(Duration.ofHours(1)), movies.get(2));
        var metrics = new SimpleMeterRegistry();

        var poll = poller(now, metrics).pollAll().stream().filter(p -> p.type() == MediaType.MOVIE).findFirst().orElseThrow();

        Map<Long, Instant> due = dueTimes(movies);
        assertThat(due.entrySet().stream().filter(entry -> entry.getValue().equals(now)).map(Map.Entry::getKey))
                .containsExactlyInAnyOrder(movies.get(1), movies.get(4), movies.get(8));
        assertThat(due.values().stream().filter(FAR::equals)).as("the seven the feed did not name (yet: one changed today,"
                + " which TMDB's feed lists in full tomorrow)").hasSize(7);
        assertThat(dueTimes(List.of(gone, partial)).values()).as("gone and partial items are not refreshed by a feed")
                .containsOnly(FAR);
        assertThat(jdbc.sql("select count(*) from sync_state where media_type = 'MOVIE' and provider_id = :id")
                .param("id", notHeld).query(Long.class).single()).as("an id we do not hold is ignored").isZero();
        assertThat(poll.idsSeen()).isEqualTo(6);
        assertThat(poll.marked()).isEqualTo(3);
        assertThat(poll.calls()).isEqualTo(1);
        assertThat(metrics.get("trackgeek.sync.change_feed.marked").tag("provider", "tmdb").tag("type", "MOVIE")
                .counter().count()).isEqualTo(3.0);
        assertThat(metrics.get("trackgeek.sync.change_feed.ids").tag("type", "MOVIE").counter().count()).isEqualTo(6.0);
        assertThat(polledThrough()).as("read through the last completed day").isEqualTo(today);

        var again = poller(now.plus(Duration.ofHours(1)), new SimpleMeterRegistry()).pollAll().stream()
                .filter(p -> p.type() != MediaType.GAME).toList();
        assertThat(again).as("the day still running is not read: nothing is named again at every poll").isEmpty();
    }

    @Test
    void theFeedsPositionSurvivesARestartSoTheNextPollStartsWhereTheLastEnded() {
        Instant start = Instant.parse("2031-06-01T12:00:00Z");
        Instant first = start.plus(Duration.ofDays(1));
        Instant second = first.plus(Duration.ofDays(2));
        long changedBefore = newId();
        long changedBetween = newId();
        store(changedBefore, false, false);
        store(changedBetween, false, false);
        startFeedAt(start);
        tmdb.tmdb().changed("movie", start.plus(Duration.ofHours(1)), changedBefore);
        // TMDB counts whole days: a change on the day after the first poll's last day, two days before the second poll.
        tmdb.tmdb().changed("movie", first.plus(Duration.ofHours(18)), changedBetween);

        poller(first, new SimpleMeterRegistry()).pollAll();
        assertThat(dueTimes(List.of(changedBefore, changedBetween))).containsEntry(changedBefore, first)
                .containsEntry(changedBetween, FAR);
        assertThat(polledThrough()).isEqualTo(midnightOf(first));
        dueAt(changedBefore, FAR);

        // A restarted worker: a new poller, whose first run (one hour back) would not reach the change at first + 18h.
        var restarted = poller(second, new SimpleMeterRegistry()).pollAll().stream()
                .filter(p -> p.type() == MediaType.MOVIE).findFirst().orElseThrow();

        assertThat(restarted.from()).isEqualTo(midnightOf(first));
        assertThat(dueTimes(List.of(changedBetween)).get(changedBetween)).isEqualTo(second);
        assertThat(dueTimes(List.of(changedBefore)).get(changedBefore)).as("read before the restart, not again").isEqualTo(FAR);
        assertThat(polledThrough()).isEqualTo(midnightOf(second));
    }

    @Test
    void aPositionOlderThanTheFourteenDaysTmdbCoversIsReadForThoseDaysAndTheGapIsCounted() {
        Instant now = Instant.parse("2031-09-30T12:00:00Z");
        long tooOld = newId();
        long covered = newId();
        store(tooOld, false, false);
        store(covered, false, false);
        startFeedAt(now.minus(Duration.ofDays(20)));
        tmdb.tmdb().changed("movie", now.minus(Duration.ofDays(18)), tooOld);
        tmdb.tmdb().changed("movie", now.minus(Duration.ofDays(10)), covered);
        var metrics = new SimpleMeterRegistry();

        var poll = poller(now, metrics).pollAll().stream().filter(p -> p.type() == MediaType.MOVIE).findFirst().orElseThrow();

        assertThat(poll.from()).isEqualTo(midnightOf(now).minus(Duration.ofDays(14)));
        assertThat(dueTimes(List.of(covered)).get(covered)).isEqualTo(now);
        assertThat(dueTimes(List.of(tooOld)).get(tooOld)).as("left to its timer").isEqualTo(FAR);
        assertThat(metrics.get("trackgeek.sync.change_feed.gaps").tag("provider", "tmdb").tag("type", "MOVIE")
                .counter().count()).isEqualTo(1.0);
        assertThat(polledThrough()).isEqualTo(midnightOf(now));
    }

    @Test
    void aFeedTheProviderCannotAnswerKeepsItsPositionAndIsReadAgainNextTime() {
        Instant start = Instant.parse("2031-11-10T12:00:00Z");
        Instant now = start.plus(Duration.ofDays(1));
        long changed = newId();
        store(changed, false, false);
        startFeedAt(start);
        tmdb.tmdb().changed("movie", start.plus(Duration.ofMinutes(20)), changed);
        String feed = SharedSimulator.tmdbPath("movie/changes");
        tmdb.script().respondBody(feed, 503, "{\"success\":false,\"status_code\":9,\"status_message\":\"Service offline\"}");
        var metrics = new SimpleMeterRegistry();
        try {
            poller(now, metrics).pollAll();
        } finally {
            tmdb.script().clear(feed);
        }

        assertThat(polledThrough()).isEqualTo(start);
        assertThat(dueTimes(List.of(changed)).get(changed)).isEqualTo(FAR);
        assertThat(metrics.get("trackgeek.sync.change_feed.failures").tag("type", "MOVIE").counter().count()).isEqualTo(1.0);

        poller(now, new SimpleMeterRegistry()).pollAll();

        assertThat(dueTimes(List.of(changed)).get(changed)).isEqualTo(now);
        assertThat(polledThrough()).isEqualTo(midnightOf(now));
    }

    @Test
    void ofStoredGamesOnlyThoseIgdbNamesAsUpdatedAreMadeDueAndAChangeInTheSecondStillRunningIsReadNextTime() {
        Instant now = Instant.parse("2035-02-01T12:00:00.500Z");
        List<Long> games = LongStream.range(0, 5).map(i -> newId()).boxed().toList();
        games.forEach(id -> store("GAME", id, false, false));
        new ChangeFeedRows(jdbc).advance(com.trackgeek.contracts.Provider.IGDB, MediaType.GAME, now.minus(Duration.ofHours(2)));
        var igdb = SharedSimulator.simulator().igdb();
        igdb.updated(now.minus(Duration.ofHours(3)), games.get(1));
        igdb.updated(now.minus(Duration.ofHours(1)), games.get(0), games.get(3));
        igdb.updated(now, games.get(2));
        var metrics = new SimpleMeterRegistry();

        var poll = poller(now, metrics).pollAll().stream().filter(p -> p.type() == MediaType.GAME).findFirst().orElseThrow();

        Map<Long, Instant> due = dueTimes("GAME", games);
        assertThat(due.entrySet().stream().filter(entry -> entry.getValue().equals(now)).map(Map.Entry::getKey))
                .containsExactlyInAnyOrder(games.get(0), games.get(3));
        assertThat(due.values().stream().filter(FAR::equals)).as("changed before the position, in the second still"
                + " running, or not at all").hasSize(3);
        assertThat(poll.marked()).isEqualTo(2);
        assertThat(poll.calls()).isEqualTo(1);
        assertThat(metrics.get("trackgeek.sync.change_feed.marked").tag("provider", "igdb").tag("type", "GAME")
                .counter().count()).isEqualTo(2.0);
        assertThat(new ChangeFeedRows(jdbc).polledThrough(com.trackgeek.contracts.Provider.IGDB, MediaType.GAME).orElseThrow())
                .as("through the last second that had passed").isEqualTo(Instant.parse("2035-02-01T11:59:59Z"));

        Instant later = now.plus(Duration.ofHours(1));
        poller(later, new SimpleMeterRegistry()).pollAll();

        assertThat(dueTimes("GAME", games)).containsEntry(games.get(2), later)
                .as("named once, not again").containsEntry(games.get(0), now).containsEntry(games.get(1), FAR);
    }

    private static Instant midnightOf(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    }

    private ChangeFeedPoller poller(Instant now, MeterRegistry metrics) {
        return new ChangeFeedPoller(providers, new ChangeFeedRows(jdbc), new ChangeFeedProperties(true, Duration.ofHours(1)),
                new ChangeFeedMetrics(metrics), new TransactionTemplate(transactionManager), Clock.fixed(now, ZoneOffset.UTC));
    }

    /** A movie stored and due far in the future; gone or partial if asked. */
    private void store(long id, boolean gone, boolean partial) {
        store("MOVIE", id, gone, partial);
    }

    /** An item of {@code type} stored and due far in the future; gone or partial if asked. */
    private void store(String type, long id, boolean gone, boolean partial) {
        jdbc.sql("""
                        insert into media_item (media_type, provider_id, document, title, last_refreshed_at, partial)
                        values (:type, :id, '{}'::jsonb, :title, now(), :partial)
                        """)
                .param("type", type).param("id", id).param("title", type + " " + id).param("partial", partial).update();
        jdbc.sql("""
                        insert into sync_state (media_type, provider_id, status, last_synced_at, stale_after, gone_at)
                        values (:type, :id, :status, now(), :far, :goneAt)
                        """)
                .param("type", type).param("id", id).param("status", gone ? "gone" : "fresh")
                .param("far", OffsetDateTime.ofInstant(FAR, ZoneOffset.UTC))
                .param("goneAt", gone ? OffsetDateTime.now(ZoneOffset.UTC) : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .update();
    }

    private void dueAt(long id, Instant at) {
        jdbc.sql("update sync_state set stale_after = :at where media_type = 'MOVIE' and provider_id = :id")
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("id", id).update();
    }

    private void startFeedAt(Instant position) {
        new ChangeFeedRows(jdbc).advance(com.trackgeek.contracts.Provider.TMDB, MediaType.MOVIE, position);
    }

    private Instant polledThrough() {
        return new ChangeFeedRows(jdbc).polledThrough(com.trackgeek.contracts.Provider.TMDB, MediaType.MOVIE).orElseThrow();
    }

    private Map<Long, Instant> dueTimes(List<Long> ids) {
        return dueTimes("MOVIE", ids);
    }

    private Map<Long, Instant> dueTimes(String type, List<Long> ids) {
        return jdbc.sql("select provider_id, stale_after from sync_state where media_type = :type and provider_id in (:ids)")
                .param("type", type).param("ids", ids)
                .query((row, n) -> Map.entry(row.getLong(1), row.getObject(2, OffsetDateTime.class).toInstant()))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

}
