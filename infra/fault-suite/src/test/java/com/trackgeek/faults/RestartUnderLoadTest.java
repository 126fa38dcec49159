package com.trackgeek.faults;

import org.junit.jupiter.api.Test;

import java.time.Duration;

/**
 * Kafka and PostgreSQL restarted in the middle of a 2,000-movie bulk job, with people fetching other movies meanwhile
 * ({@link FaultUnderLoad}): the services ride it out without being restarted themselves, and the ledger is the same
 * as for a kill: nothing accepted lost, nothing announced twice.
 */
class RestartUnderLoadTest {

    private static final Duration DOWN = Duration.ofSeconds(10);

    private final FaultStack stack = FaultStack.get();

    @Test
    void theKafkaBroker() throws Exception {
        new FaultUnderLoad(new RestartKafka(DOWN), 250_001).run(stack);
    }

    @Test
    void postgreSql() throws Exception {
        new FaultUnderLoad(new RestartPostgres(DOWN), 300_001).run(stack);
    }
}
