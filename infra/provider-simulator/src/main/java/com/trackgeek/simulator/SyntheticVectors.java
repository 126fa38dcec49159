package com.trackgeek.simulator;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Vectors for texts no fixture recorded, so a worker can run against a simulated embedding service: the same
 * (seed, model, text) always gives the same unit vector of the asked dimensions, different texts different ones.
 */
public final class SyntheticVectors {

    private SyntheticVectors() {
    }

    public static float[] of(long seed, String model, String text, int dimensions) {
        long hash = seed;
        for (byte b : (model + '\u0000' + text).getBytes(StandardCharsets.UTF_8)) {
            hash = hash * 1_000_003L + b;
        }
        SplittableRandom random = new SplittableRandom(hash);
        float[] vector = new float[dimensions];
        double norm = 0;
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) (random.nextDouble() * 2 - 1);
            norm += vector[i] * vector[i];
        }
        float scale = (float) (1 / Math.sqrt(norm == 0 ? 1 : norm));
        for (int i = 0; i < dimensions; i++) {
            vector[i] *= scale;
        }
        return vector;
    }
}
