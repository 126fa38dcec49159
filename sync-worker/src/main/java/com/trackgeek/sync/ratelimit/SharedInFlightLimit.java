package com.trackgeek.sync.ratelimit;

import com.trackgeek.contracts.Provider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * At most {@code slots} requests of one provider in flight across every worker replica (IGDB: 8 open
 * requests, the 9th is answered 429).
 *
 * <p>Each slot is a PostgreSQL session-level advisory lock, {@code (hashtext('trackgeek.inflight.<provider>'),
 * slot)}, taken with {@code pg_try_advisory_lock} on one connection this replica keeps for nothing else, and
 * released when the response is in. Session locks outlive transactions, so no transaction stays open while
 * the provider answers; and a replica that crashes or loses its connection frees its slots by itself, as
 * PostgreSQL drops a dead session's locks: no lease expiry to tune, no slot leaked for good.
 *
 * <p>A session may take the same advisory lock twice, so this replica remembers which slots its session
 * holds and only tries the others. Statements on the one connection are serialised; each is a single
 * round trip. When no slot is free the caller polls every {@code pollInterval} (woken at once when a slot of
 * this replica is released) until {@code maxWait}, then fails: this limit fails closed, as the provider
 * would answer 429 to a request over it anyway.
 *
 * <p>If the connection fails, its slots are gone with it; the requests still in flight keep going and their
 * releases are ignored (they belong to the dead session). For that moment the provider may see a few more
 * than {@code slots} requests; the next acquisition opens a new connection.
 */
public final class SharedInFlightLimit {

    /** Opens a connection for this limit alone (not a pooled one: it is held for the process's lifetime). */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /** The limit cannot be checked (database unreachable) or no slot came free in time. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    private final String namespace;
    private final int slots;
    private final Duration maxWait;
    private final Duration pollInterval;
    private final ConnectionSource connections;
    private final Timer waits;

    // Guarded by this.
    private Connection connection;
    private long generation;
    private final boolean[] held;

    public SharedInFlightLimit(Provider provider, int slots, Duration maxWait, Duration pollInterval,
                               ConnectionSource connections, MeterRegistry registry) {
        if (slots < 1) {
            throw new IllegalArgumentException("at least one request must be allowed in flight, was " + slots);
        }
        this.namespace = "trackgeek.inflight." + provider.name().toLowerCase(Locale.ROOT);
        this.slots = slots;
        this.maxWait = maxWait;
        this.pollInterval = pollInterval;
        this.connections = connections;
        this.held = new boolean[slots];
        this.waits = Timer.builder("trackgeek.provider.inflight.wait")
                .description("Time a provider request waited for a free in-flight slot shared by all replicas")
                .tag("provider", provider.name().toLowerCase(Locale.ROOT))
                .publishPercentileHistogram()
                .register(registry);
    }

    /** Runs {@code call} while holding one slot. */
    public <T> T run(Supplier<T> call) {
        Slot slot = acquire();
        try {
            return call.get();
        } finally {
            release(slot);
        }
    }

    private record Slot(int index, long generation) {
    }

    private Slot acquire() {
        long started = System.nanoTime();
        long deadline = started + maxWait.toNanos();
        try {
            synchronized (this) {
                while (true) {
                    Slot slot = tryTake();
                    if (slot != null) {
                        return slot;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new Unavailable("no " + namespace + " slot came free within " + maxWait
                                + " (" + slots + " requests in flight across the replicas)");
                    }
                    // Another replica's release wakes nobody here: poll; a release of this replica notifies.
                    wait(Math.max(1, Math.min(pollInterval.toMillis(), Duration.ofNanos(left).toMillis())));
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while waiting for a " + namespace + " slot");
        } finally {
            waits.record(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    // Called with the monitor held.
    private Slot tryTake() {
        for (int index = 0; index < slots; index++) {
            if (held[index]) {
                continue;
            }
            if (lockStatement("select pg_try_advisory_lock(hashtext(?), ?)", index)) {
                held[index] = true;
                return new Slot(index, generation);
            }
        }
        return null;
    }

    private synchronized void release(Slot slot) {
        if (slot.generation() != generation || !held[slot.index()]) {
            return; // its session is gone, and the lock with it
        }
        held[slot.index()] = false;
        try {
            lockStatement("select pg_advisory_unlock(hashtext(?), ?)", slot.index());
        } catch (Unavailable lost) {
            // The connection was dropped with every lock it held; nothing is left to release.
        }
        notifyAll();
    }

    // Called with the monitor held.
    private boolean lockStatement(String sql, int index) {
        try {
            if (connection == null) {
                connection = connections.open();
                connection.setAutoCommit(true);
                generation++;
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, namespace);
                statement.setInt(2, index);
                try (ResultSet result = statement.executeQuery()) {
                    return result.next() && result.getBoolean(1);
                }
            }
        } catch (SQLException failure) {
            dropConnection();
            // The SQL state only: a driver message may name the server, never anything secret, but keep it short.
            throw new Unavailable("the shared " + namespace + " limit cannot be checked: database error "
                    + failure.getSQLState());
        }
    }

    private void dropConnection() {
        java.util.Arrays.fill(held, false);
        generation++;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Already broken.
            }
            connection = null;
        }
    }

    /** Closes the connection, freeing every slot this replica holds. */
    public synchronized void close() {
        dropConnection();
    }
}
