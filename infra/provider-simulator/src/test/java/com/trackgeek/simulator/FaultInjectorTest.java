package com.trackgeek.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class FaultInjectorTest {

    @Test
    void errorRateOneFailsEveryRequest() {
        FaultInjector faults = new FaultInjector(settings(1.0, 0.0, 7));

        assertThat(IntStream.range(0, 100).mapToObj(i -> faults.next())).containsOnly(Fault.SERVER_ERROR);
    }

    @Test
    void zeroRatesLeaveEveryRequestAlone() {
        FaultInjector faults = new FaultInjector(settings(0.0, 0.0, 7));

        assertThat(IntStream.range(0, 100).mapToObj(i -> faults.next())).containsOnly(Fault.NONE);
    }

    @Test
    void ratesAreHonouredAndTheSequenceRepeatsForTheSameSeed() {
        FaultInjector first = new FaultInjector(settings(0.2, 0.1, 42));
        FaultInjector second = new FaultInjector(settings(0.2, 0.1, 42));

        var firstRun = IntStream.range(0, 10_000).mapToObj(i -> first.next()).toList();
        var secondRun = IntStream.range(0, 10_000).mapToObj(i -> second.next()).toList();

        assertThat(secondRun).isEqualTo(firstRun);
        assertThat(firstRun.stream().filter(Fault.SERVER_ERROR::equals).count()).isBetween(1_800L, 2_200L);
        // Timeouts only among the requests not already failed: 10% of the remaining 80%.
        assertThat(firstRun.stream().filter(Fault.TIMEOUT::equals).count()).isBetween(650L, 950L);
    }

    private static FaultSettings settings(double errorRate, double timeoutRate, long seed) {
        return new FaultSettings(Duration.ZERO, errorRate, timeoutRate, Duration.ofSeconds(30), seed);
    }
}
