package com.trackgeek.sync.ratelimit;

import java.util.function.Supplier;

/**
 * Whom the current thread's provider requests serve: a person waiting (interactive) or a bulk job. The
 * listeners set it around each record; the rate limiter reads it where tokens are taken, so priority holds
 * at the budget itself and not only in which consumer thread runs first.
 *
 * <p>Work that sets no lane (schedulers, expansions of bulk commands, anything new) counts as bulk: only
 * work known to have a person waiting goes first.
 */
public enum WorkLane {
    INTERACTIVE,
    BULK;

    private static final ThreadLocal<WorkLane> CURRENT = new ThreadLocal<>();

    /** The lane of the work running on this thread; bulk unless set. */
    public static WorkLane current() {
        WorkLane lane = CURRENT.get();
        return lane == null ? BULK : lane;
    }

    /** Runs {@code work} on this lane, restoring the thread's previous lane afterwards. */
    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} on this lane, restoring the thread's previous lane afterwards. */
    public <T> T call(Supplier<T> work) {
        WorkLane previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
