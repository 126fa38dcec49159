package com.trackgeek.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntToDoubleFunction;

/**
 * How much a model's nearest neighbours have in common with the item: for every item, its {@value #K} nearest
 * items by cosine (among the items with a vector of the same model), and which share of those neighbours shares
 * a genre, a franchise ({@link Franchises}), or either. The same shares for {@value #K} neighbours drawn at random
 * are the baseline a model must beat; the shares a perfect model would reach are its ceiling. And the issue's
 * test: is every Naruto entry's nearest neighbour another Naruto entry?
 *
 * @param narutoMisses the Naruto entries whose nearest neighbour is not one, with that neighbour
 */
record NeighbourQuality(String model, int items, double genre, double franchise, double either, int narutoOk,
                        int narutoEntries, List<String> narutoMisses) {

    static final int K = 5;

    /** The neighbours by the model's vectors. */
    static NeighbourQuality of(String model, List<EmbeddedItem> items) {
        Franchises franchises = new Franchises(items);
        Shares shares = new Shares();
        int narutoOk = 0;
        List<String> narutoMisses = new ArrayList<>();
        for (EmbeddedItem item : items) {
            List<EmbeddedItem> nearest = items.stream().filter(other -> other != item)
                    .sorted(Comparator.comparingDouble(item::cosine).reversed())
                    .limit(K).toList();
            nearest.forEach(neighbour -> shares.count(item, neighbour, franchises));
            if (Franchises.isNaruto(item)) {
                if (!nearest.isEmpty() && Franchises.isNaruto(nearest.getFirst())) {
                    narutoOk++;
                } else {
                    narutoMisses.add(item.title() + " -> " + (nearest.isEmpty() ? "nothing" : nearest.getFirst().title()));
                }
            }
        }
        return new NeighbourQuality(model, items.size(), shares.of(Shares.GENRE), shares.of(Shares.FRANCHISE),
                shares.of(Shares.EITHER), narutoOk, (int) items.stream().filter(Franchises::isNaruto).count(), narutoMisses);
    }

    /** What neighbours drawn at random would share, on average: every other item counts alike. */
    static NeighbourQuality atRandom(List<EmbeddedItem> items) {
        return overAllOthers(K + " at random", items, shares -> shares::of);
    }

    /**
     * The best any model could do: an item with fewer than {@value #K} items sharing its genre (or franchise)
     * cannot have {@value #K} such neighbours.
     */
    static NeighbourQuality attainable(List<EmbeddedItem> items) {
        return overAllOthers("attainable", items, shares -> which -> (double) Math.min(K, shares.hits(which)) / K);
    }

    /** The mean over the items of a figure of each item's shares with all the other items. */
    private static NeighbourQuality overAllOthers(String name, List<EmbeddedItem> items,
                                                  Function<Shares, IntToDoubleFunction> figure) {
        Franchises franchises = new Franchises(items);
        double[] sums = new double[3];
        for (EmbeddedItem item : items) {
            Shares shares = new Shares();
            items.stream().filter(other -> other != item).forEach(other -> shares.count(item, other, franchises));
            for (int which = 0; which < sums.length; which++) {
                sums[which] += figure.apply(shares).applyAsDouble(which);
            }
        }
        int n = items.size();
        return new NeighbourQuality(name, n, sums[Shares.GENRE] / n, sums[Shares.FRANCHISE] / n,
                sums[Shares.EITHER] / n, 0, 0, List.of());
    }

    /** Counts neighbour pairs that share a genre, a franchise, either. */
    private static final class Shares {

        static final int GENRE = 0;
        static final int FRANCHISE = 1;
        static final int EITHER = 2;

        private final int[] hits = new int[3];
        private int pairs;

        void count(EmbeddedItem item, EmbeddedItem neighbour, Franchises franchises) {
            boolean genre = item.sharesGenreWith(neighbour);
            boolean franchise = franchises.share(item, neighbour);
            pairs++;
            hits[GENRE] += genre ? 1 : 0;
            hits[FRANCHISE] += franchise ? 1 : 0;
            hits[EITHER] += genre || franchise ? 1 : 0;
        }

        int hits(int which) {
            return hits[which];
        }

        double of(int which) {
            return pairs == 0 ? 0 : (double) hits[which] / pairs;
        }
    }
}
