package com.trackgeek.simulator;

import java.util.SplittableRandom;

/**
 * Deterministic random streams: the same (seed, key, salt) always yields the same sequence, in any
 * JVM and in any request order. That is what makes a synthesised item the same on every fetch.
 */
public final class Seeds {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    public static SplittableRandom random(long seed, long key, long salt) {
        return new SplittableRandom(mix(mix(seed) ^ mix(key + GOLDEN_GAMMA) ^ mix(salt * GOLDEN_GAMMA)));
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser (the one SplittableRandom uses). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
