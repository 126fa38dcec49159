package com.trackgeek.faults;

import com.trackgeek.testsupport.ChildJvm;

import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of one service; it is started again as an orchestrator would: at once when it has no second
 * replica, after the recovery when its partner takes its work over.
 *
 * @param mostFetchedAgain provider calls beyond one per movie the victim may cause (what it had in hand)
 */
record KillNine(String name, Function<FaultStack, ServiceProcess> victim, boolean restartAtOnce, int mostFetchedAgain) implements Fault {

    @Override
    public void inject(FaultStack stack) {
        ServiceProcess service = victim.apply(stack);
        assertThat(service.killNine()).as("%s ended by SIGKILL", service.name()).isEqualTo(ChildJvm.KILLED_BY_SIGKILL);
        if (restartAtOnce) {
            service.restart();
        }
    }

    /** A service started again at once has recovered when it answers; a replica's partner serves meanwhile. */
    @Override
    public boolean servesAgain(FaultStack stack) {
        return !restartAtOnce || victim.apply(stack).healthy();
    }

    @Override
    public void afterRecovery(FaultStack stack) {
        ServiceProcess service = victim.apply(stack);
        if (!service.isAlive()) {
            service.restart();
        }
    }
}
