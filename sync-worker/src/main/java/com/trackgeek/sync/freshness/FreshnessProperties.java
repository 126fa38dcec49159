package com.trackgeek.sync.freshness;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Every threshold of the freshness policy ({@link FreshnessPolicy}) and the sweeper's pace. Defaults, and why, in
 * sync-worker.yml.
 *
 * @param running                 an airing anime, a publishing manga, a returning series, a game in early access
 * @param upcoming                a title not out yet (its date, episodes and cast are still being filled in)
 * @param recentlyFinishedWithin  how long after its finish a title counts as recently finished
 * @param recentlyFinished        a title finished within {@code recentlyFinishedWithin}
 * @param finished                a title finished long ago (or of unknown status): the back-off's start
 * @param backOffFactor           each refresh in a row that found nothing changed multiplies {@code finished} by this
 * @param finishedMax             the back-off's cap
 * @param minimum                 no rule refreshes an item more often than this (the refresh guard)
 * @param goneRecheck             how often an item the provider deleted is asked for again
 */
@ConfigurationProperties("trackgeek.sync.freshness")
public record FreshnessProperties(@DefaultValue("1d") Duration running,
                                  @DefaultValue("1d") Duration upcoming,
                                  @DefaultValue("30d") Duration recentlyFinishedWithin,
                                  @DefaultValue("7d") Duration recentlyFinished,
                                  @DefaultValue("30d") Duration finished,
                                  @DefaultValue("2") double backOffFactor,
                                  @DefaultValue("90d") Duration finishedMax,
                                  @DefaultValue("24h") Duration minimum,
                                  @DefaultValue("30d") Duration goneRecheck,
                                  @DefaultValue Sweeper sweeper) {

    /** The defaults, as sync-worker.yml states them: for tests and the figure. */
    public static FreshnessProperties defaults() {
        return new FreshnessProperties(Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(30), Duration.ofDays(7),
                Duration.ofDays(30), 2, Duration.ofDays(90), Duration.ofHours(24), Duration.ofDays(30), Sweeper.defaults());
    }

    /**
     * @param enabled       run the sweeper on this replica (only one replica's runs at a time anyway)
     * @param interval      pause between the end of one run and the start of the next
     * @param batch         most refreshes queued per run
     * @param maxQueued     queue nothing while this many bulk-lane requests are queued or running
     * @param failedRetry   an item whose last sync failed waits this long before it is queued again
     * @param publishTimeout longest wait for Kafka to acknowledge one refresh command
     */
    public record Sweeper(@DefaultValue("true") boolean enabled,
                         @DefaultValue("1m") Duration interval,
                         @DefaultValue("100") int batch,
                         @DefaultValue("200") int maxQueued,
                         @DefaultValue("6h") Duration failedRetry,
                         @DefaultValue("10s") Duration publishTimeout) {

        static Sweeper defaults() {
            return new Sweeper(true, Duration.ofMinutes(1), 100, 200, Duration.ofHours(6), Duration.ofSeconds(10));
        }
    }
}
