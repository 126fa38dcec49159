package com.trackgeek.simulator.jikan;

import com.trackgeek.simulator.Seeds;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Random streams for one synthesised item, one per attribute: whether one attribute draws once or
 * five times never changes another, so a body stays the same when an unrelated rule changes.
 */
record ItemDice(long seed, long itemId) {

    SplittableRandom of(String attribute) {
        return Seeds.random(seed, itemId, attribute.hashCode());
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** {@code count} distinct values in the list's order, so genres read like MAL's (alphabetical). */
    static <T> List<T> pickDistinct(SplittableRandom random, List<T> values, int count) {
        List<Integer> remaining = new ArrayList<>(IntStream.range(0, values.size()).boxed().toList());
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < Math.min(count, values.size()); i++) {
            chosen.add(remaining.remove(random.nextInt(remaining.size())));
        }
        return chosen.stream().sorted().map(values::get).toList();
    }
}
