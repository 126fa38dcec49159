package com.trackgeek.api.syncrequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads the status of every awaited sync request, in one query per tick. Sync events are the fast path, but
 * this instance misses those published before its consumer was assigned its partitions (start-up,
 * rebalances) and those of requests that end without an event (a command that never reached Kafka).
 */
@Component
final class SyncRequestPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SyncRequestPoller.class);

    private final SyncWaiters waiters;
    private final SyncRequests requests;
    private final long intervalMillis;
    private ScheduledExecutorService scheduler;

    SyncRequestPoller(SyncWaiters waiters, SyncRequests requests, SyncProperties properties) {
        this.waiters = waiters;
        this.requests = requests;
        this.intervalMillis = properties.pollInterval().toMillis();
    }

    void pollOnce() {
        Map<UUID, List<Waiter>> awaited = waiters.byRequest();
        if (awaited.isEmpty()) {
            return;
        }
        for (SyncRequestRow row : requests.findAll(awaited.keySet())) {
            row.outcome().ifPresent(outcome -> awaited.get(row.id()).forEach(waiter -> waiter.complete(outcome)));
        }
    }

    private void pollSafely() {
        try {
            pollOnce();
        } catch (RuntimeException e) {
            // A failing tick must not end the schedule; waiters still time out into a 202 meanwhile.
            log.warn("Could not poll sync request statuses: {}", e.toString());
        }
    }

    /**
     * Started before and stopped after the web server, so that callers still waiting during a graceful
     * shutdown keep getting their outcome.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("sync-request-poller").daemon(true).factory());
        scheduler.scheduleWithFixedDelay(this::pollSafely, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
