package com.trackgeek.sync.provider;

/**
 * Counts the provider HTTP calls (retries included) the current thread makes while the tally is open, so that
 * work which pays for calls (a bulk job: {@code bulk_job.provider_calls}) learns what it cost without every
 * provider reporting it. The {@link ProviderGateway} counts each attempt it sends into the open tally, if any;
 * tallies nest, the innermost counts.
 *
 * <pre>{@code
 * try (var tally = ProviderCallTally.open()) {
 *     provider.fetchSeveral(type, ids);
 * } // tally.calls() holds the calls, whether the fetch succeeded or threw
 * }</pre>
 */
public final class ProviderCallTally implements AutoCloseable {

    private static final ThreadLocal<ProviderCallTally> CURRENT = new ThreadLocal<>();

    private final ProviderCallTally previous;
    private long calls;

    private ProviderCallTally(ProviderCallTally previous) {
        this.previous = previous;
    }

    /** Starts counting this thread's provider calls until {@link #close()}. */
    public static ProviderCallTally open() {
        var tally = new ProviderCallTally(CURRENT.get());
        CURRENT.set(tally);
        return tally;
    }

    /** The calls counted so far. */
    public long calls() {
        return calls;
    }

    @Override
    public void close() {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /** One HTTP request is about to leave for a provider. */
    static void countCall() {
        ProviderCallTally tally = CURRENT.get();
        if (tally != null) {
            tally.calls++;
        }
    }
}
