package com.trackgeek.embedding.lane;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;

/**
 * Makes the high lane drain before the low lane, within this instance.
 *
 * <p>Why this way: the scarce resource is this machine's CPU, which the model saturates. Two consumers (one
 * per lane) keep the lanes' offsets independent and let Kafka hold the low backlog; while the high lane is
 * busy, the low lane's container is paused (it keeps polling, so it stays in its group, but fetches
 * nothing) and a low batch already fetched waits between chunks. The high lane is "busy" from its first
 * record, or a new partition assignment, until its container reports idle (nothing polled for
 * {@code highQuietAfter}); an empty poll is the consumer's own proof that it has no lag. Priority is per
 * instance on purpose: another instance's high-lane work does not compete for this CPU.
 *
 * <p>Bounds: the low chunks already under way when high work arrives (at most two: the low lane keeps the next
 * chunk's model call going beside the current one) finish first, since a model call is not interruptible, and a
 * fetched low chunk waits at most {@code lowMaxYield}. A high lane that never goes
 * quiet starves the low lane's new fetches; that is the intent, since the high lane carries only requests a
 * person is waiting for.
 */
@Component
final class LanePriority {

    private static final Logger log = LoggerFactory.getLogger(LanePriority.class);

    private final KafkaListenerEndpointRegistry registry;
    private final LaneProperties properties;
    private final Object lock = new Object();

    // All guarded by lock.
    private int highInFlight;
    private long lastHighActivityNanos = System.nanoTime();
    // Unknown until the high lane has polled: assume busy, so a start-up with backlogs serves high first.
    private boolean highQuiet;
    private boolean closing;

    LanePriority(KafkaListenerEndpointRegistry registry, LaneProperties properties, MeterRegistry meters) {
        this.registry = registry;
        this.properties = properties;
        Gauge.builder("trackgeek.embedding.low.paused", this, priority -> priority.isLowPaused() ? 1 : 0)
                .description("1 while the low lane is paused for high-lane work")
                .register(meters);
        Gauge.builder("trackgeek.embedding.high.busy", this, priority -> priority.isHighQuiet() ? 0 : 1)
                .description("1 while the high lane has work or has not reported idle since its last work")
                .register(meters);
    }

    void highStarted() {
        synchronized (lock) {
            highInFlight++;
            highQuiet = false;
            lastHighActivityNanos = System.nanoTime();
        }
        pauseLow();
    }

    void highFinished() {
        synchronized (lock) {
            highInFlight--;
            lastHighActivityNanos = System.nanoTime();
        }
    }

    void highAssigned(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        synchronized (lock) {
            highQuiet = false;
            lastHighActivityNanos = System.nanoTime();
        }
        pauseLow();
    }

    /**
     * The high container polled nothing for a while. It also reports this right after an assignment (its idle
     * clock does not restart then), so the event counts only once {@code highQuietAfter} has passed since our
     * own last sign of high-lane work.
     */
    @EventListener
    void onIdle(ListenerContainerIdleEvent event) {
        if (event.getListenerId() == null || !event.getListenerId().startsWith(LaneContainers.HIGH)) {
            return;
        }
        synchronized (lock) {
            boolean longEnough = System.nanoTime() - lastHighActivityNanos >= properties.highQuietAfter().toNanos();
            if (highInFlight > 0 || !longEnough) {
                return;
            }
            if (!highQuiet) {
                highQuiet = true;
                lock.notifyAll();
            }
        }
        resumeLow();
    }

    /** Called by the low lane before each chunk: waits while high-lane work is under way, at most {@code lowMaxYield}. */
    void awaitHighQuiet() {
        long deadline = System.nanoTime() + properties.lowMaxYield().toNanos();
        synchronized (lock) {
            while (!highQuiet && !closing) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    log.warn("High lane still busy after {}; running a low-lane chunk anyway", properties.lowMaxYield());
                    return;
                }
                try {
                    lock.wait(Math.max(1, remaining / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A low batch waiting for the high lane must not hold up shutdown. */
    @EventListener(ContextClosedEvent.class)
    void onClose() {
        synchronized (lock) {
            closing = true;
            lock.notifyAll();
        }
    }

    boolean isHighQuiet() {
        synchronized (lock) {
            return highQuiet;
        }
    }

    private boolean isLowPaused() {
        MessageListenerContainer low = registry.getListenerContainer(LaneContainers.LOW);
        return low != null && low.isPauseRequested();
    }

    private void pauseLow() {
        MessageListenerContainer low = registry.getListenerContainer(LaneContainers.LOW);
        if (low != null && !low.isPauseRequested()) {
            low.pause();
            log.debug("Low lane paused for high-lane work");
        }
    }

    private void resumeLow() {
        MessageListenerContainer low = registry.getListenerContainer(LaneContainers.LOW);
        if (low != null && low.isPauseRequested()) {
            low.resume();
            log.debug("Low lane resumed");
        }
    }
}
