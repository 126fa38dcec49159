package com.trackgeek.sync.freshness;

/**
 * The named rules of the freshness policy: which one applies to an item follows from its lifecycle alone, and each
 * has its threshold in {@link FreshnessProperties}.
 */
public enum FreshnessRule {
    /** Airing, publishing, returning, in early access: episodes and chapters arrive every week. */
    RUNNING,
    /** Not out yet: dates, cast and episodes are still being filled in. */
    UPCOMING,
    /** Finished within the last {@code recently-finished-within}: late corrections, final counts. */
    RECENTLY_FINISHED,
    /** Finished long ago, or of unknown status: rarely changes; backs off while refreshes find nothing new. */
    SETTLED
}
