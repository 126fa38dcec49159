package com.trackgeek.simulator.jikan;

import com.trackgeek.simulator.Seeds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.LongStream;

/**
 * Which synthesised ids belong to which list, so that a season or top list and the bodies fetched by
 * id afterwards agree (a bulk sync of winter 2018 fetches items whose {@code season} says winter 2018).
 *
 * <p>Two id blocks, both above the ids of the recorded fixtures:
 * <ul>
 *   <li>season block: {@code SEASON_BLOCK_START + seasonIndex * SLOTS + slot}, one run of ids per season
 *       from {@link #FIRST_YEAR} to {@link #LAST_YEAR}, of which the first {@link #synthesisedCount} slots
 *       are on that season's list;</li>
 *   <li>top block: {@code TOP_BLOCK_START + rank} for the synthesised part of {@code /top/anime}.</li>
 * </ul>
 * Every other id is a synthesised item with no season and a rank below the top list.
 */
final class SyntheticLayout {

    static final int FIRST_YEAR = 1960;
    static final int LAST_YEAR = 2039;
    static final int SLOTS = 100;
    static final long SEASON_BLOCK_START = 64_000;
    static final long TOP_BLOCK_START =
            SEASON_BLOCK_START + (long) (LAST_YEAR - FIRST_YEAR + 1) * 4 * SLOTS;

    private static final int MIN_SEASON_SIZE = 40;
    private static final int MAX_SEASON_SIZE = 70;
    private static final long SEASON_SIZE_SALT = 0x5EA5L;

    private final long seed;
    private final int topSize;
    private final Map<SeasonKey, Integer> fixturesPerSeason;

    SyntheticLayout(long seed, int topSize, JikanFixtures fixtures) {
        this.seed = seed;
        this.topSize = topSize;
        this.fixturesPerSeason = countBySeason(fixtures);
    }

    int topSize() {
        return topSize;
    }

    /** The season a synthesised id airs in, if it is on that season's list. */
    Optional<SeasonKey> seasonOf(long malId) {
        if (malId < SEASON_BLOCK_START || malId >= TOP_BLOCK_START) {
            return Optional.empty();
        }
        long offset = malId - SEASON_BLOCK_START;
        SeasonKey season = SeasonKey.ofOrdinal(firstOrdinal() + (int) (offset / SLOTS));
        return offset % SLOTS < synthesisedCount(season) ? Optional.of(season) : Optional.empty();
    }

    /** The top-list rank a synthesised id was made for. */
    OptionalInt topRankOf(long malId) {
        long rank = malId - TOP_BLOCK_START;
        return rank >= 1 && rank <= topSize ? OptionalInt.of((int) rank) : OptionalInt.empty();
    }

    long topId(int rank) {
        return TOP_BLOCK_START + rank;
    }

    /** The synthesised ids on a season's list; none outside the simulated years. */
    LongStream seasonIds(SeasonKey season) {
        if (season.year() < FIRST_YEAR || season.year() > LAST_YEAR) {
            return LongStream.empty();
        }
        long first = SEASON_BLOCK_START + (long) (season.ordinal() - firstOrdinal()) * SLOTS;
        return LongStream.range(first, first + synthesisedCount(season));
    }

    /** Every synthesised id that is on some list, which is what search can find. */
    LongStream listedIds() {
        LongStream seasons = LongStream.range(firstOrdinal(), firstOrdinal() + (LAST_YEAR - FIRST_YEAR + 1) * 4L)
                .flatMap(ordinal -> seasonIds(SeasonKey.ofOrdinal((int) ordinal)));
        return LongStream.concat(seasons, LongStream.rangeClosed(1, topSize).map(rank -> topId((int) rank)));
    }

    /** Recorded titles count towards a season's size; synthesised ones pad it to a plausible 40-70. */
    int synthesisedCount(SeasonKey season) {
        if (season.year() < FIRST_YEAR || season.year() > LAST_YEAR) {
            return 0;
        }
        int planned = Seeds.random(seed, season.ordinal(), SEASON_SIZE_SALT)
                .nextInt(MIN_SEASON_SIZE, MAX_SEASON_SIZE + 1);
        return Math.max(0, planned - fixturesPerSeason.getOrDefault(season, 0));
    }

    private static int firstOrdinal() {
        return new SeasonKey(FIRST_YEAR, Season.WINTER).ordinal();
    }

    private static Map<SeasonKey, Integer> countBySeason(JikanFixtures fixtures) {
        Map<SeasonKey, Integer> counts = new HashMap<>();
        for (ObjectNode anime : fixtures.allAnime()) {
            seasonField(anime).ifPresent(season -> counts.merge(season, 1, Integer::sum));
        }
        return counts;
    }

    /** The season a recorded anime's own {@code season}/{@code year} fields name. */
    static Optional<SeasonKey> seasonField(JsonNode anime) {
        JsonNode year = anime.get("year");
        JsonNode season = anime.get("season");
        if (year == null || !year.isIntegralNumber() || season == null || !season.isString()) {
            return Optional.empty();
        }
        return Season.parse(season.stringValue()).map(parsed -> new SeasonKey(year.asInt(), parsed));
    }
}
