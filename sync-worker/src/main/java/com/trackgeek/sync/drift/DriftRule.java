package com.trackgeek.sync.drift;

import java.util.Locale;
import java.util.function.BiPredicate;

/**
 * The ways a refresh can lose what the stored item has, each a named rule over the two items' {@link ItemFacts}: the
 * one place that says what "degraded" means. A rule only fires when the stored item had the thing and the refresh
 * has none of it; a value that changes (a new title, other genres, 12 episodes becoming 13) is never drift.
 */
public enum DriftRule {

    /** The stored item has alternative titles (other scripts, synonyms); the refresh has none. */
    TITLES_DROPPED((stored, fetched) -> stored.alternativeTitles() > 0 && fetched.alternativeTitles() == 0),

    /** The stored item has genres; the refresh has none (or no genres field at all). */
    GENRES_DROPPED((stored, fetched) -> stored.genres() > 0 && fetched.genres() == 0),

    /**
     * An episode, season, chapter, volume or page count the stored item has (above zero) is zero or missing in the
     * refresh. Checked per count: a show losing its episode count while keeping its season count still fires.
     */
    COUNT_DROPPED((stored, fetched) -> stored.counts().entrySet().stream()
            .anyMatch(count -> count.getValue() > 0 && fetched.counts().getOrDefault(count.getKey(), 0L) <= 0)),

    /** The stored item has a known status ("Finished Airing", "Returning Series"); the refresh has none or "unknown". */
    STATUS_LOST((stored, fetched) -> stored.knownStatus() && !fetched.knownStatus());

    private final BiPredicate<ItemFacts, ItemFacts> loses;

    DriftRule(BiPredicate<ItemFacts, ItemFacts> loses) {
        this.loses = loses;
    }

    boolean brokenBy(ItemFacts stored, ItemFacts fetched) {
        return loses.test(stored, fetched);
    }

    /** {@code titles_dropped}: how the rule is named in logs. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
