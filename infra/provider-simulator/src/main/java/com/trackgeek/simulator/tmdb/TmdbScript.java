package com.trackgeek.simulator.tmdb;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a test asks of the simulated TMDB beyond {@link com.trackgeek.simulator.ProviderScript}'s HTTP-level
 * answers: a recorded movie or show under an id of the test's choosing (so the test owns that id's call
 * counts and sync state), synthesised shows with as many seasons as the test needs, and which ids TMDB's change
 * feeds ({@code /movie/changes}, {@code /tv/changes}) name as changed when.
 *
 * <p>One instance per simulator; thread-safe. Changes apply to the next request.
 */
public final class TmdbScript {

    private record Item(String kind, long id) {
    }

    private final Map<Item, Long> standIns = new ConcurrentHashMap<>();
    private final Map<Long, Integer> seasonCounts = new ConcurrentHashMap<>();

    private record Change(String kind, Instant at, long id) {
    }

    private final List<Change> changes = new CopyOnWriteArrayList<>();

    /**
     * From now on {@code id} is answered with the body of {@code recordedId} (its {@code id} replaced), with
     * its recorded appends and seasons. Works for any positive id, even above {@code not-found-above-id}.
     *
     * @param kind {@code "movie"} or {@code "tv"}
     */
    public void serveRecordedAs(String kind, long id, long recordedId) {
        if (!"movie".equals(kind) && !"tv".equals(kind)) {
            throw new IllegalArgumentException("kind must be \"movie\" or \"tv\": " + kind);
        }
        if (id < 1 || recordedId < 1) {
            throw new IllegalArgumentException("ids must be positive: " + id + ", " + recordedId);
        }
        standIns.put(new Item(kind, id), recordedId);
    }

    /** From now on show {@code id} is a synthesised show with seasons 1..{@code seasons}, every one with episodes. */
    public void showWithSeasons(long id, int seasons) {
        if (id < 1 || seasons < 1) {
            throw new IllegalArgumentException("id and seasons must be positive: " + id + ", " + seasons);
        }
        seasonCounts.put(id, seasons);
    }

    /**
     * From now on {@code kind}'s change feed names {@code ids} as changed at {@code at}: a request whose date range
     * holds that instant's day (UTC) lists them.
     *
     * @param kind {@code "movie"} or {@code "tv"}
     */
    public void changed(String kind, Instant at, long... ids) {
        if (!"movie".equals(kind) && !"tv".equals(kind)) {
            throw new IllegalArgumentException("kind must be \"movie\" or \"tv\": " + kind);
        }
        for (long id : ids) {
            changes.add(new Change(kind, at, id));
        }
    }

    /** Forgets everything scripted here. */
    public void reset() {
        standIns.clear();
        seasonCounts.clear();
        changes.clear();
    }

    /** The ids of {@code kind} changed in {@code [from, until)}, each once, lowest first. */
    List<Long> changedBetween(String kind, Instant from, Instant until) {
        return changes.stream()
                .filter(change -> change.kind().equals(kind) && !change.at().isBefore(from) && change.at().isBefore(until))
                .map(Change::id).distinct().sorted().toList();
    }

    long sourceOf(String kind, long id) {
        return standIns.getOrDefault(new Item(kind, id), id);
    }

    boolean scripted(String kind, long id) {
        return standIns.containsKey(new Item(kind, id)) || ("tv".equals(kind) && seasonCounts.containsKey(id));
    }

    Integer seasonCount(long showId) {
        return seasonCounts.get(showId);
    }
}
