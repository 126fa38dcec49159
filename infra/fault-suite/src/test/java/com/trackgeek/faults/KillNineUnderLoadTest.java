package com.trackgeek.faults;

import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of each service in the middle of a 2,000-movie bulk job, with people fetching other movies
 * meanwhile ({@link FaultUnderLoad}): every request the api accepted is done or failed, the job finishes with every
 * movie, every stored movie gets its vector, nothing is announced twice, and only what the victim had in hand is
 * fetched a second time. Each scenario has movie ids of its own (the simulator makes up a movie for any id up to
 * 1,000,000).
 */
class KillNineUnderLoadTest {

    private final FaultStack stack = FaultStack.get();

    /**
     * One of two replicas: the other takes its partitions once its session times out. In hand at most: its
     * bulk-work consumers (3) with one batch of single-fetch-batch (5) movies each, its interactive consumers (3)
     * one request each.
     */
    @Test
    void aSyncWorkerReplica() throws Exception {
        new FaultUnderLoad(new KillNine("kill -9 of a sync-worker replica", s -> s.syncWorkers.getFirst(), false, FaultStack.IN_HAND_PER_SYNC_WORKER), 100_001).run(stack);
    }

    /** The only api instance, started again at once: what it accepted was on Kafka before its 202. */
    @Test
    void theApi() throws Exception {
        new FaultUnderLoad(new KillNine("kill -9 of the api", s -> s.api, true, 0), 150_001).run(stack);
    }

    /** The only embedding worker, started again at once: its lanes' uncommitted requests come again. */
    @Test
    void theEmbeddingWorker() throws Exception {
        new FaultUnderLoad(new KillNine("kill -9 of the embedding worker", s -> s.embeddingWorker, true, 0), 200_001).run(stack);
    }
}
