package com.trackgeek.faults;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped (a fast shutdown: every connection cut) and started again after {@code down} on the same port
 * and data. The services pause and resume; the provider budget lives in PostgreSQL and fails closed, so no provider
 * is called while it is away (a call already holding its token may still arrive in the first second).
 */
final class RestartPostgres implements Fault {

    private static final Duration IN_FLIGHT = Duration.ofSeconds(1);

    private final Duration down;
    private Instant stopped;
    private Instant started;

    RestartPostgres(Duration down) {
        this.down = down;
    }

    /** What both sync-worker replicas can have had in hand when it struck. */
    @Override
    public int mostFetchedAgain() {
        return 2 * FaultStack.IN_HAND_PER_SYNC_WORKER;
    }

    @Override
    public String name() {
        return "PostgreSQL restart (down " + down.toSeconds() + " s)";
    }

    @Override
    public void inject(FaultStack stack) {
        stopped = Instant.now();
        stack.restartPostgres(down);
        started = Instant.now();
    }

    @Override
    public void verify(FaultStack stack) {
        long whileAway = stack.providers.requests().arrivals(".*").stream()
                .filter(at -> at.isAfter(stopped.plus(IN_FLIGHT)) && at.isBefore(started))
                .count();
        System.out.printf("FAULT SUITE provider calls while PostgreSQL was away (%s .. %s): %d%n", stopped.plus(IN_FLIGHT), started, whileAway);
        assertThat(whileAway).as("provider calls while PostgreSQL (and so the budget) was away").isZero();
    }
}
