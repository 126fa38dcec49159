package com.trackgeek.contracts.catalog;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where an item is in its own life, as its provider describes it: still to come, running (airing, publishing, a
 * returning series, in early access), finished (and when), or unknown. Each catalog record derives it from its own
 * fields ({@link CatalogItem#lifecycle()}), so whoever decides how often an item changes (the freshness policy)
 * never names a type's fields or a provider's wording.
 *
 * <p>{@code finishedOn} may lie in the future: a book or game announced for a date is finished then and upcoming
 * until then; {@link #phaseOn(LocalDate)} gives the phase as of a day.
 *
 * @param finishedOn when it finished (last episode aired, last chapter published, released), or null when
 *                   unknown or not finished
 */
public record Lifecycle(Phase phase, LocalDate finishedOn) {

    public enum Phase { UPCOMING, RUNNING, FINISHED, UNKNOWN }

    public static final Lifecycle UPCOMING = new Lifecycle(Phase.UPCOMING, null);
    public static final Lifecycle RUNNING = new Lifecycle(Phase.RUNNING, null);
    public static final Lifecycle UNKNOWN = new Lifecycle(Phase.UNKNOWN, null);

    public Lifecycle {
        Objects.requireNonNull(phase, "phase");
        if (phase != Phase.FINISHED) {
            finishedOn = null;
        }
    }

    /** Finished on {@code date} (null: finished, date unknown). */
    public static Lifecycle finished(LocalDate date) {
        return new Lifecycle(Phase.FINISHED, date);
    }

    /** Released on {@code date}: finished then, upcoming before; unknown without a date. */
    public static Lifecycle releasedOn(LocalDate date) {
        return date == null ? UNKNOWN : finished(date);
    }

    /** The phase as of {@code today}: a finish date still to come means upcoming. */
    public Phase phaseOn(LocalDate today) {
        return phase == Phase.FINISHED && finishedOn != null && finishedOn.isAfter(today) ? Phase.UPCOMING : phase;
    }
}
