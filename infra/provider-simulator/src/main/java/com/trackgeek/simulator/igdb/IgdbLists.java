package com.trackgeek.simulator.igdb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The orders a bulk sync lists IGDB's games in: by {@code total_rating} (every rated game: the recorded ones with
 * their recorded rating, the synthesised ones of the rated band with theirs), by popularity (the same games by
 * their drawn visits value), and by id (every game the fake serves). Each id listed is a game the fake serves by
 * id with the same {@code total_rating}, so a listed game and its fetch agree.
 */
final class IgdbLists {

    private final IgdbGames games;
    private final IgdbProperties properties;
    private volatile List<Long> byRating;
    private volatile List<Long> byPopularity;

    IgdbLists(IgdbGames games, IgdbProperties properties) {
        this.games = games;
        this.properties = properties;
    }

    List<Long> byRating() {
        if (byRating == null) {
            byRating = sorted(listed().filter(id -> games.totalRating(id).isPresent()),
                    id -> games.totalRating(id).orElseThrow());
        }
        return byRating;
    }

    List<Long> byPopularity() {
        if (byPopularity == null) {
            byPopularity = sorted(listed(), games::popularity);
        }
        return byPopularity;
    }

    /** Up to {@code limit} ids above {@code afterId}, ascending: recorded games and every synthesised one. */
    List<Long> after(long afterId, int limit) {
        List<Long> ids = new ArrayList<>(limit);
        long last = Math.max(properties.notFoundAboveId(), games.recordedIds().isEmpty() ? 0 : games.recordedIds().getLast());
        for (long id = afterId + 1; id <= last && ids.size() < limit; id++) {
            if (games.isRecorded(id) || properties.exists(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private Stream<Long> listed() {
        Stream<Long> band = LongStream.rangeClosed(1, IgdbGames.RATED_BAND).filter(properties::exists).boxed()
                .filter(id -> !games.isRecorded(id));
        return Stream.concat(games.recordedIds().stream(), band);
    }

    private static List<Long> sorted(Stream<Long> ids, ToDoubleFunction<Long> value) {
        return ids.sorted(Comparator.comparingDouble((Long id) -> -value.applyAsDouble(id)).thenComparingLong(id -> id))
                .toList();
    }
}
