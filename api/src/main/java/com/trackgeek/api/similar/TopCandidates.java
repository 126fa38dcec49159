package com.trackgeek.api.similar;

/**
 * The best {@code capacity} rows of a scan by their approximate score: a min-heap on primitive arrays, so that the
 * 100,000 offers of a scan allocate nothing and most are refused by one comparison with the worst kept.
 */
final class TopCandidates {

    private final float[] scores;
    private final int[] rows;
    private int size;

    TopCandidates(int capacity) {
        this.scores = new float[capacity];
        this.rows = new int[capacity];
    }

    void offer(float score, int row) {
        if (size < scores.length) {
            scores[size] = score;
            rows[size] = row;
            up(size++);
        } else if (score > scores[0]) {
            scores[0] = score;
            rows[0] = row;
            down(0);
        }
    }

    int size() {
        return size;
    }

    /** The rows kept, in no particular order. */
    int row(int index) {
        return rows[index];
    }

    float score(int index) {
        return scores[index];
    }

    /** Keeps the best of both: the parts of a scan split over threads, merged. */
    void offerAll(TopCandidates other) {
        for (int i = 0; i < other.size; i++) {
            offer(other.scores[i], other.rows[i]);
        }
    }

    private void up(int index) {
        while (index > 0) {
            int parent = (index - 1) / 2;
            if (scores[parent] <= scores[index]) {
                return;
            }
            swap(index, parent);
            index = parent;
        }
    }

    private void down(int index) {
        while (true) {
            int left = 2 * index + 1;
            if (left >= size) {
                return;
            }
            int smallest = left + 1 < size && scores[left + 1] < scores[left] ? left + 1 : left;
            if (scores[index] <= scores[smallest]) {
                return;
            }
            swap(index, smallest);
            index = smallest;
        }
    }

    private void swap(int a, int b) {
        float score = scores[a];
        scores[a] = scores[b];
        scores[b] = score;
        int row = rows[a];
        rows[a] = rows[b];
        rows[b] = row;
    }
}
