package com.trackgeek.api.syncrequest;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A caller's claim on the outcome of an item's sync request; close it when done waiting. */
public final class SyncTicket implements AutoCloseable {

    private final Waiter waiter;
    private final SyncWaiters waiters;

    SyncTicket(Waiter waiter, SyncWaiters waiters) {
        this.waiter = waiter;
        this.waiters = waiters;
    }

    public UUID requestId() {
        return waiter.requestId();
    }

    /** The outcome, if the sync ends within {@code timeout}. */
    public Optional<SyncOutcome> await(Duration timeout) {
        try {
            return Optional.of(waiter.outcome().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiters are never completed exceptionally", e);
        }
    }

    @Override
    public void close() {
        waiters.remove(waiter);
    }
}
