package com.trackgeek.faults;

import java.time.Duration;

/**
 * The broker stopped (an orderly shutdown, as a rolling restart does) and started again after {@code down} on the
 * same port and data: producers and consumers reconnect by themselves; meanwhile the api answers 503
 * {@code PIPELINE_UNAVAILABLE} to what it cannot hand to Kafka, so nothing it accepted depends on the broker's
 * absence.
 */
record RestartKafka(Duration down) implements Fault {

    /** What both sync-worker replicas can have had in hand when it struck. */
    @Override
    public int mostFetchedAgain() {
        return 2 * FaultStack.IN_HAND_PER_SYNC_WORKER;
    }

    @Override
    public String name() {
        return "Kafka broker restart (down " + down.toSeconds() + " s)";
    }

    @Override
    public void inject(FaultStack stack) {
        stack.restartKafka(down);
    }
}
