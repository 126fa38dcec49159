package com.trackgeek.sync.freshness;

import com.trackgeek.contracts.catalog.Lifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * How long a stored item stays fresh, from where it is in its life ({@link Lifecycle}, derived by its catalog
 * record) and how many refreshes in a row found nothing changed. Refreshing everything on a flat timer is what gets
 * a client banned; most of a catalog is old, finished titles that never change, so those back off
 * ({@code finished} doubling per unchanged refresh up to {@code finished-max}) while airing and upcoming ones are
 * looked at daily. No rule goes below {@code minimum}, the refresh guard.
 */
@Component
public class FreshnessPolicy {

    /** Beyond this many doublings every threshold is long past any sane cap. */
    private static final int MAX_DOUBLINGS = 30;

    private final FreshnessProperties properties;

    public FreshnessPolicy(FreshnessProperties properties) {
        this.properties = properties;
    }

    /** Which rule applies and the time it gives. */
    public record Threshold(FreshnessRule rule, Duration staleAfter) {
    }

    /** The rule that applies to an item in {@code lifecycle} on {@code today}. */
    public FreshnessRule rule(Lifecycle lifecycle, LocalDate today) {
        return switch (lifecycle.phaseOn(today)) {
            case RUNNING -> FreshnessRule.RUNNING;
            case UPCOMING -> FreshnessRule.UPCOMING;
            case FINISHED -> lifecycle.finishedOn() != null
                    && !lifecycle.finishedOn().isBefore(today.minusDays(properties.recentlyFinishedWithin().toDays()))
                    ? FreshnessRule.RECENTLY_FINISHED : FreshnessRule.SETTLED;
            case UNKNOWN -> FreshnessRule.SETTLED;
        };
    }

    /**
     * @param unchangedRefreshes refreshes in a row that found nothing changed but score or popularity (0 after a
     *                           real change); only the settled rule backs off with it
     */
    public Threshold threshold(Lifecycle lifecycle, int unchangedRefreshes, LocalDate today) {
        FreshnessRule rule = rule(lifecycle, today);
        Duration time = switch (rule) {
            case RUNNING -> properties.running();
            case UPCOMING -> properties.upcoming();
            case RECENTLY_FINISHED -> properties.recentlyFinished();
            case SETTLED -> backedOff(unchangedRefreshes);
        };
        return new Threshold(rule, time.compareTo(properties.minimum()) < 0 ? properties.minimum() : time);
    }

    /** When an item stored at {@code now} becomes stale. */
    public Instant staleAfter(Lifecycle lifecycle, int unchangedRefreshes, Instant now) {
        return now.plus(threshold(lifecycle, unchangedRefreshes, LocalDate.ofInstant(now, ZoneOffset.UTC)).staleAfter());
    }

    /** When an item the provider deleted, last asked for at {@code now}, is asked for again. */
    public Instant goneRecheckAfter(Instant now) {
        return now.plus(properties.goneRecheck());
    }

    /**
     * When a held item whose sync just failed at {@code now} is tried again: not before the sweeper's
     * {@code failed-retry}, so neither the sweeper nor readers (stale-while-revalidate) queue it again and again
     * while its provider keeps failing it.
     */
    public Instant failedRetryAfter(Instant now) {
        return now.plus(properties.sweeper().failedRetry());
    }

    private Duration backedOff(int unchangedRefreshes) {
        int doublings = Math.clamp(unchangedRefreshes, 0, MAX_DOUBLINGS);
        double seconds = properties.finished().toSeconds() * Math.pow(properties.backOffFactor(), doublings);
        long cap = properties.finishedMax().toSeconds();
        return Duration.ofSeconds(seconds >= cap ? cap : (long) seconds);
    }
}
