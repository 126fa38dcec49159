package com.trackgeek.sync.drift;

import java.util.Set;

/**
 * What to do with one refresh: write it, or keep the stored item because the refresh would lose data
 * ({@code broken} names how) or because its provider's drift alarm is tripped.
 */
public record Verdict(Decision decision, Set<DriftRule> broken) {

    public enum Decision {
        /** Store the refresh. */
        WRITE,
        /** Keep the stored item: this refresh breaks {@link #broken()}. */
        REFUSE_DEGRADED,
        /** Keep the stored item: the provider's alarm is tripped, every refresh of it is refused. */
        REFUSE_TRIPPED
    }

    public Verdict {
        broken = Set.copyOf(broken);
    }

    static final Verdict WRITE = new Verdict(Decision.WRITE, Set.of());

    /** Why {@code provider}'s answer was not stored: the detail of a {@code PROVIDER_DRIFT_REFUSED} failure. */
    public String refusal(com.trackgeek.contracts.Provider provider) {
        return provider + "'s answer was not stored, the stored item is kept: "
                + (broken.isEmpty() ? "its drift alarm is tripped" : "it would lose " + broken);
    }

    /** True when the refresh may be stored. */
    public boolean writes() {
        return decision == Decision.WRITE;
    }
}
