package com.trackgeek.sync.freshness;

import com.trackgeek.contracts.catalog.Lifecycle;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figure: provider calls per day to keep 30,000 anime fresh under the default policy, against a flat 24 h
 * refresh of everything. A simulation over the real {@link FreshnessPolicy} with a simulated clock in whole days:
 * each day every due item is refreshed (the sweeper keeps up), a refresh costs Jikan's 4 calls (the worker fetches an
 * anime's full record, characters, staff and videos), and its outcome (real change or not) feeds the back-off as the
 * worker's ledger does.
 *
 * <p>The catalog, a stated assumption (the recorded Jikan bodies are season pages, all airing or all finished, so
 * they say nothing of a whole catalog's mix): 27,600 titles finished long ago (ended between 1990 and 2025), and
 * 2,400 titles of running franchises, each on a yearly cycle: announced 90 days before it airs ("Not yet aired"),
 * airs a 12-week cour ("Currently Airing"), then finished until its next season is announced, the cycles spread
 * evenly over the year. At any day about 590 titles are upcoming and 550 airing (about 2% each, MyAnimeList's own
 * share of airing and not-yet-aired anime is of that order), and the catalog stays at 30,000. A refresh of a
 * finished title finds a real change (a synopsis edit, a new relation or streaming link) with probability 10%;
 * score and popularity move every time and do not count. Half a year of warm-up, then a year measured.
 */
class FreshnessCostTest {

    private static final int TITLES = 30_000;
    private static final int FRANCHISES = 2_400;
    private static final int CALLS_PER_REFRESH = 4;
    private static final int CYCLE = 365;
    private static final int ANNOUNCED = 90;
    private static final int COUR = 84;
    private static final double FINISHED_CHANGE_RATE = 0.10;
    private static final int WARM_UP = 180;
    private static final int MEASURED = 365;
    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    @Test
    void theDefaultPolicyNeedsAFractionOfTheCallsOfAFlatDailyRefresh() {
        long[] byRule = new long[FreshnessRule.values().length];
        double policy = callsPerDay(new FreshnessPolicy(FreshnessProperties.defaults()), byRule);
        double flat = callsPerDay(flatDaily(), new long[byRule.length]);

        System.out.printf("""
                        Freshness figure: 30,000 anime (Jikan, %d calls per refresh), a simulated year after %d days of warm-up
                          flat 24 h refresh of everything: %,.0f provider calls/day (%.0f%% of Jikan's 86,400/day at 60/min)
                          default freshness policy:        %,.0f provider calls/day (%.1f%% of Jikan's daily budget)
                          the policy needs %.1f times fewer calls%n""",
                CALLS_PER_REFRESH, WARM_UP, flat, flat / 86_400 * 100, policy, policy / 86_400 * 100, flat / policy);
        for (FreshnessRule rule : FreshnessRule.values()) {
            System.out.printf("    of which %-17s %,6.0f calls/day%n", rule, (double) byRule[rule.ordinal()] / MEASURED);
        }

        assertThat(flat).isEqualTo(TITLES * CALLS_PER_REFRESH);
        assertThat(policy).as("calls per day under the default policy").isLessThan(flat / 10);
        assertThat(policy).as("airing and upcoming titles are still refreshed daily")
                .isGreaterThan(1_000 * CALLS_PER_REFRESH);
    }

    /** Average calls per day over the measured year; {@code byRule} gets the calls per rule. */
    private static double callsPerDay(FreshnessPolicy policy, long[] byRule) {
        Random random = new Random(9);
        long[] due = new long[TITLES];
        int[] streak = new int[TITLES];
        Lifecycle[] seen = new Lifecycle[TITLES];
        int[] cycleOffset = new int[TITLES];
        LocalDate[] endedOn = new LocalDate[TITLES];
        for (int title = 0; title < TITLES; title++) {
            if (title < FRANCHISES) {
                cycleOffset[title] = title * CYCLE / FRANCHISES;
            } else {
                endedOn[title] = LocalDate.of(1990, 1, 1).plusDays(random.nextInt(35 * 365));
            }
            due[title] = -WARM_UP; // stored before the simulation: due on its first day
        }
        long calls = 0;
        for (int day = -WARM_UP; day < MEASURED; day++) {
            LocalDate today = START.plusDays(day);
            Instant now = today.atStartOfDay().toInstant(ZoneOffset.UTC);
            for (int title = 0; title < TITLES; title++) {
                if (due[title] > day) {
                    continue;
                }
                Lifecycle lifecycle = title < FRANCHISES ? franchise(cycleOffset[title], day) : Lifecycle.finished(endedOn[title]);
                boolean realChange = !lifecycle.equals(seen[title])
                        || lifecycle.phase() != Lifecycle.Phase.FINISHED
                        || random.nextDouble() < FINISHED_CHANGE_RATE;
                seen[title] = lifecycle;
                streak[title] = realChange ? 0 : streak[title] + 1;
                Instant staleAfter = policy.staleAfter(lifecycle, streak[title], now);
                due[title] = day + Math.max(1, Duration.between(now, staleAfter).toDays());
                if (day >= 0) {
                    calls += CALLS_PER_REFRESH;
                    byRule[policy.rule(lifecycle, today).ordinal()] += CALLS_PER_REFRESH;
                }
            }
        }
        return (double) calls / MEASURED;
    }

    /** Where a franchise's current title is in its yearly cycle on {@code day}. */
    private static Lifecycle franchise(int offset, int day) {
        int position = Math.floorMod(day + offset, CYCLE);
        if (position < ANNOUNCED) {
            return Lifecycle.UPCOMING;
        }
        if (position < ANNOUNCED + COUR) {
            return Lifecycle.RUNNING;
        }
        return Lifecycle.finished(START.plusDays(day - (position - ANNOUNCED - COUR)));
    }

    private static FreshnessPolicy flatDaily() {
        Duration day = Duration.ofDays(1);
        var d = FreshnessProperties.defaults();
        return new FreshnessPolicy(new FreshnessProperties(day, day, d.recentlyFinishedWithin(), day, day, 1, day, day,
                d.goneRecheck(), d.sweeper()));
    }
}
