package com.trackgeek.simulator;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides per request whether to fail it. The n-th request always gets the same verdict for a given
 * seed, so a load run that went wrong can be replayed.
 */
public final class FaultInjector {

    private static final long SALT = 0xFA017L;

    private final FaultSettings settings;
    private final AtomicLong requestNumber = new AtomicLong();

    public FaultInjector(FaultSettings settings) {
        this.settings = settings;
    }

    public FaultSettings settings() {
        return settings;
    }

    public Fault next() {
        SplittableRandom dice = Seeds.random(settings.seed(), requestNumber.getAndIncrement(), SALT);
        // Both dice are always rolled so the error sequence does not shift when timeoutRate changes.
        boolean error = dice.nextDouble() < settings.errorRate();
        boolean timeout = dice.nextDouble() < settings.timeoutRate();
        if (error) {
            return Fault.SERVER_ERROR;
        }
        return timeout ? Fault.TIMEOUT : Fault.NONE;
    }
}
