package com.trackgeek.api.syncrequest;

import com.trackgeek.contracts.ItemSynced;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.SyncEvent;
import com.trackgeek.contracts.SyncFailed;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The callers of this instance that wait for a sync, by item. */
@Component
final class SyncWaiters {

    private final ConcurrentMap<MediaKey, Set<Waiter>> byItem = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    SyncWaiters(MeterRegistry registry) {
        Gauge.builder("trackgeek.api.sync.waiters", count, AtomicInteger::get)
                .description("Callers of this instance waiting for a sync to end")
                .register(registry);
    }

    Waiter register(MediaKey item) {
        Waiter waiter = new Waiter(item);
        byItem.compute(item, (key, waiters) -> {
            Set<Waiter> set = waiters == null ? ConcurrentHashMap.newKeySet() : waiters;
            set.add(waiter);
            return set;
        });
        count.incrementAndGet();
        return waiter;
    }

    void remove(Waiter waiter) {
        byItem.computeIfPresent(waiter.item(), (key, waiters) -> {
            if (waiters.remove(waiter)) {
                count.decrementAndGet();
            }
            return waiters.isEmpty() ? null : waiters;
        });
    }

    /**
     * Any ItemSynced for the item ends every wait for it: whichever request stored it, it is there now. A
     * failure ends only the waits for that very request: a late failure event of an older request must not
     * fail the callers of a newer one.
     *
     * <p>Runs after the item cache has dropped the item (its listener has a higher precedence), so that
     * woken callers read the new version.
     */
    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(SyncEvent event) {
        Set<Waiter> waiters = byItem.get(event.item());
        if (waiters == null || !event.isSupportedVersion()) {
            return;
        }
        switch (event) {
            case ItemSynced synced -> waiters.forEach(waiter -> waiter.complete(new SyncOutcome.Synced(synced.requestId())));
            case SyncFailed failed -> waiters.stream()
                    .filter(waiter -> failed.requestId().equals(waiter.requestId()))
                    .forEach(waiter -> waiter.complete(
                            new SyncOutcome.Failed(failed.requestId(), failed.code(), failed.detail())));
        }
    }

    /** The waiters whose request is known, by request id, for the status poller. */
    Map<UUID, List<Waiter>> byRequest() {
        Map<UUID, List<Waiter>> result = new HashMap<>();
        for (Set<Waiter> waiters : byItem.values()) {
            for (Waiter waiter : waiters) {
                UUID id = waiter.requestId();
                if (id != null && !waiter.outcome().isDone()) {
                    result.computeIfAbsent(id, key -> new ArrayList<>()).add(waiter);
                }
            }
        }
        return result;
    }
}
