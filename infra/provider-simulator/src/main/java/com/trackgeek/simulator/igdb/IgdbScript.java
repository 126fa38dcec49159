package com.trackgeek.simulator.igdb;

import com.trackgeek.simulator.twitch.TwitchTokens;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a test asks of the simulated IGDB and Twitch beyond {@link com.trackgeek.simulator.ProviderScript}'s
 * HTTP-level answers: recorded games under ids of the test's choosing, games changed at a time of the test's
 * choosing (their {@code updated_at}, which the change-feed listing reads), the tokens' fate, and how many
 * requests were ever open at once. One instance per simulator; thread-safe.
 */
public final class IgdbScript {

    private final Map<Long, Long> standIns = new ConcurrentHashMap<>();
    private final Map<Long, Long> updatedAt = new ConcurrentHashMap<>();
    private final IgdbGames games;
    private final TwitchTokens tokens;
    private final OpenRequestLimit openRequests;

    IgdbScript(IgdbGames games, TwitchTokens tokens, OpenRequestLimit openRequests) {
        this.games = games;
        this.tokens = tokens;
        this.openRequests = openRequests;
    }

    /**
     * From now on {@code id} is answered with the recorded game {@code recordedId} (its {@code id} replaced),
     * e.g. 19560 God of War, 3340 Paper Mario.
     *
     * @throws IllegalArgumentException if no fixture holds {@code recordedId}
     */
    public void serveRecordedAs(long id, long recordedId) {
        if (id < 1 || !games.isRecorded(recordedId)) {
            throw new IllegalArgumentException("no recorded IGDB game " + recordedId + " to serve as " + id);
        }
        standIns.put(id, recordedId);
    }

    /**
     * The games {@code ids} were changed at {@code at}: their {@code updated_at} (unix seconds) is {@code at} from now on,
     * in their bodies and in the listing {@code where updated_at > A & updated_at <= B}. A game no test changed keeps
     * its default {@code updated_at}, before 2025, which that listing never names.
     */
    public void updated(Instant at, long... ids) {
        for (long id : ids) {
            updatedAt.put(id, at.getEpochSecond());
        }
    }

    /** Every token the simulated Twitch issued so far expires now: IGDB answers them 401. */
    public void expireTokens() {
        tokens.expireAll();
    }

    /** Tokens the simulated Twitch issued since it started. */
    public int tokensIssued() {
        return tokens.issuedCount();
    }

    /** The most IGDB requests ever open at once (those answered 429 for it included) since the last reset. */
    public int peakOpenRequests() {
        return openRequests.peak();
    }

    public void resetPeakOpenRequests() {
        openRequests.resetPeak();
    }

    /** Requests answered 429 because too many were open. */
    public int openRequestRejections() {
        return openRequests.rejected();
    }

    /** Forgets every stand-in and every scripted change. */
    public void reset() {
        standIns.clear();
        updatedAt.clear();
    }

    /** The scripted {@code updated_at} of {@code id}, else null. */
    Long updatedAt(long id) {
        return updatedAt.get(id);
    }

    /** The ids changed in {@code (after, until]} (unix seconds), by {@code updated_at}, then id. */
    List<Long> updatedBetween(long after, long until) {
        return updatedAt.entrySet().stream()
                .filter(entry -> entry.getValue() > after && entry.getValue() <= until)
                .sorted(Map.Entry.<Long, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
    }

    Long standInFor(long id) {
        return standIns.get(id);
    }
}
