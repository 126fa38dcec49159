package com.trackgeek.api.similar;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Every vector of one model, in memory, for brute-force nearest neighbours. Each vector is kept twice: normalised
 * float32 (exact cosine = dot product) and as int8 codes scaled by its own largest component (384 bytes for 384
 * dimensions, a quarter of the float32 bytes). A search scans the codes only ({@link Int8Dot}), keeps the best
 * {@code candidates} rows by that approximate score, and re-ranks just those exactly in float32: memory bandwidth
 * is what a scan of 100,000 vectors costs, and the codes read four times less. Whenever the rows searched are no
 * more than the candidates, the answer is the exact one.
 *
 * <p>A scan of many rows is split over the {@link ScanThreads} (the caller scans one part itself): on two cores
 * that halves a lone request's latency, and under load the parts simply queue like requests would.
 *
 * <p>Rows are appended (a vector of a known item overwrites its row), never removed: an item deleted from the
 * catalog is filtered out where titles are loaded. One lock: searches share it, writes take it alone.
 */
final class ModelIndex {

    private static final MediaType[] TYPES = MediaType.values();
    /** Fewer rows than this per part are not worth handing to another thread. */
    private static final int MIN_ROWS_PER_PART = 16_384;

    private final String model;
    private final int dimensions;
    private final Executor helpers;
    private final int parts;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<MediaKey, Integer> rows = new HashMap<>();
    private MediaKey[] keys = new MediaKey[1024];
    private byte[] types = new byte[1024];
    private float[] scales = new float[1024];
    private Instant[] embeddedAt = new Instant[1024];
    private byte[] codes;
    private float[] vectors;
    private int size;

    /** An index whose searches scan on the caller's thread alone. */
    ModelIndex(String model, int dimensions) {
        this(model, dimensions, Runnable::run, 1);
    }

    /** An index whose large scans are split into {@code parts}, all but one run by {@code helpers}. */
    ModelIndex(String model, int dimensions, Executor helpers, int parts) {
        this.helpers = helpers;
        this.parts = Math.max(1, parts);
        if (dimensions <= 0) {
            throw new IllegalArgumentException("dimensions must be positive: " + dimensions);
        }
        this.model = model;
        this.dimensions = dimensions;
        this.codes = new byte[1024 * dimensions];
        this.vectors = new float[1024 * dimensions];
    }

    String model() {
        return model;
    }

    int dimensions() {
        return dimensions;
    }

    /**
     * Stores the item's vector unless the row holds this one or a newer one already (a rebuild's older copy arriving
     * after an event's, a catch-up reading a row again). False when it was not stored: not newer, of other
     * dimensions, or all zeros (it has no direction).
     */
    boolean upsert(MediaKey key, float[] vector, Instant at) {
        if (vector.length != dimensions) {
            return false;
        }
        double norm = 0;
        for (float value : vector) {
            norm += (double) value * value;
        }
        if (norm == 0 || !Double.isFinite(norm)) {
            return false;
        }
        float inverse = (float) (1 / Math.sqrt(norm));
        lock.writeLock().lock();
        try {
            Integer existing = rows.get(key);
            if (existing != null && !at.isAfter(embeddedAt[existing])) {
                return false;
            }
            int row = existing != null ? existing : append(key);
            int offset = row * dimensions;
            float largest = 0;
            for (int i = 0; i < dimensions; i++) {
                float value = vector[i] * inverse;
                vectors[offset + i] = value;
                largest = Math.max(largest, Math.abs(value));
            }
            for (int i = 0; i < dimensions; i++) {
                codes[offset + i] = (byte) Math.round(vectors[offset + i] * 127 / largest);
            }
            scales[row] = largest / 127;
            embeddedAt[row] = at;
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private int append(MediaKey key) {
        if (size == keys.length) {
            int capacity = keys.length * 2;
            keys = Arrays.copyOf(keys, capacity);
            types = Arrays.copyOf(types, capacity);
            scales = Arrays.copyOf(scales, capacity);
            embeddedAt = Arrays.copyOf(embeddedAt, capacity);
            codes = Arrays.copyOf(codes, capacity * dimensions);
            vectors = Arrays.copyOf(vectors, capacity * dimensions);
        }
        int row = size++;
        keys[row] = key;
        types[row] = (byte) key.type().ordinal();
        rows.put(key, row);
        return row;
    }

    int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The items of {@code types} nearest to {@code item}, best first by exact cosine similarity, at most
     * {@code candidates} of them; the item itself never. Empty when the item has no vector here.
     */
    Optional<List<Neighbour>> nearest(MediaKey item, Set<MediaType> types, int candidates) {
        lock.readLock().lock();
        try {
            Integer asked = rows.get(item);
            if (asked == null) {
                return Optional.empty();
            }
            boolean[] wanted = new boolean[TYPES.length];
            types.forEach(type -> wanted[type.ordinal()] = true);
            boolean everyType = types.size() == TYPES.length;
            int askedOffset = asked * dimensions;
            byte[] query = Arrays.copyOfRange(codes, askedOffset, askedOffset + dimensions);
            int split = Math.min(parts, Math.max(1, size / MIN_ROWS_PER_PART));
            int step = (size + split - 1) / split;
            List<CompletableFuture<TopCandidates>> others = new ArrayList<>();
            for (int from = step; from < size; from += step) {
                int start = from;
                int end = Math.min(size, from + step);
                others.add(CompletableFuture.supplyAsync(
                        () -> scan(start, end, asked, query, everyType, wanted, candidates), helpers));
            }
            TopCandidates top = scan(0, Math.min(size, step), asked, query, everyType, wanted, candidates);
            others.forEach(part -> top.offerAll(part.join()));
            List<Neighbour> neighbours = new ArrayList<>(top.size());
            for (int i = 0; i < top.size(); i++) {
                int row = top.row(i);
                neighbours.add(new Neighbour(keys[row], exactDot(askedOffset, row * dimensions)));
            }
            neighbours.sort(Neighbour.BEST_FIRST);
            return Optional.of(neighbours);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The best {@code candidates} of rows {@code from..to} by their int8 score (the caller holds the read lock). */
    private TopCandidates scan(int from, int to, int asked, byte[] query, boolean everyType, boolean[] wanted,
                               int candidates) {
        TopCandidates top = new TopCandidates(candidates);
        int dims = dimensions;
        byte[] scanned = codes;
        byte[] rowTypes = types;
        float[] rowScales = scales;
        for (int row = from, offset = from * dims; row < to; row++, offset += dims) {
            if (row == asked || !(everyType || wanted[rowTypes[row]])) {
                continue;
            }
            top.offer(Int8Dot.dot(scanned, offset, query, dims) * rowScales[row], row);
        }
        return top;
    }

    private double exactDot(int a, int b) {
        double sum = 0;
        for (int i = 0; i < dimensions; i++) {
            sum += (double) vectors[a + i] * vectors[b + i];
        }
        return sum;
    }
}
