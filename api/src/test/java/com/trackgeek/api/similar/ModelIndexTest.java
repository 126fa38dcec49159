package com.trackgeek.api.similar;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index answers what exact brute force over float32 answers: the int8 scan only picks candidates, which are
 * re-ranked exactly, so quantisation changes no answer.
 */
class ModelIndexTest {

    private static final Set<MediaType> EVERY_TYPE = EnumSet.allOf(MediaType.class);

    @Test
    void quantisedScanWithExactReRankFindsTheExactTopTenOnRandomVectors() {
        Random random = new Random(42);
        int dimensions = 384;
        List<MediaKey> keys = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        ModelIndex index = new ModelIndex("m", dimensions);
        for (int i = 0; i < 5_000; i++) {
            MediaKey key = MediaKey.of(MediaType.values()[i % 6], i + 1);
            float[] vector = gaussian(random, dimensions);
            // Some clusters, so that near neighbours are close, not just the least far of strangers.
            if (i >= 100 && i % 10 != 0) {
                float[] centre = vectors.get(i % 100);
                for (int d = 0; d < dimensions; d++) {
                    vector[d] = centre[d] + 0.4f * vector[d];
                }
            }
            keys.add(key);
            vectors.add(vector);
            assertThat(index.upsert(key, vector, Instant.EPOCH)).isTrue();
        }
        for (int q = 0; q < 200; q++) {
            MediaKey asked = keys.get(random.nextInt(keys.size()));
            List<Neighbour> found = index.nearest(asked, EVERY_TYPE, 40).orElseThrow().subList(0, 10);
            List<Neighbour> exact = exactTop(asked, keys, vectors, 10);
            assertThat(found).extracting(Neighbour::key).containsExactlyElementsOf(exact.stream().map(Neighbour::key).toList());
            for (int i = 0; i < 10; i++) {
                assertThat(found.get(i).score()).isCloseTo(exact.get(i).score(), org.assertj.core.data.Offset.offset(1e-5));
            }
        }
    }

    @Test
    void aScanSplitOverThreadsAnswersWhatOneThreadAnswers() {
        Random random = new Random(3);
        ExecutorService helpers = Executors.newFixedThreadPool(2);
        try {
            ModelIndex split = new ModelIndex("m", 32, helpers, 3);
            ModelIndex single = new ModelIndex("m", 32);
            List<MediaKey> keys = new ArrayList<>();
            for (int i = 0; i < 60_000; i++) {
                MediaKey key = MediaKey.of(MediaType.values()[i % 6], i + 1);
                float[] vector = gaussian(random, 32);
                split.upsert(key, vector, Instant.EPOCH);
                single.upsert(key, vector, Instant.EPOCH);
                keys.add(key);
            }
            for (int q = 0; q < 20; q++) {
                MediaKey asked = keys.get(random.nextInt(keys.size()));
                Set<MediaType> types = q % 2 == 0 ? EVERY_TYPE : Set.of(MediaType.ANIME, MediaType.BOOK);
                assertThat(split.nearest(asked, types, 40)).isEqualTo(single.nearest(asked, types, 40));
            }
        } finally {
            helpers.shutdownNow();
        }
    }

    @Test
    void theAskedItemIsNeverItsOwnNeighbourAndTypesFilter() {
        ModelIndex index = new ModelIndex("m", 3);
        MediaKey anime = MediaKey.of(MediaType.ANIME, 1);
        MediaKey twin = MediaKey.of(MediaType.ANIME, 2);
        MediaKey manga = MediaKey.of(MediaType.MANGA, 1);
        index.upsert(anime, new float[]{1, 0, 0}, Instant.EPOCH);
        index.upsert(twin, new float[]{2, 0, 0}, Instant.EPOCH);
        index.upsert(manga, new float[]{1, 1, 0}, Instant.EPOCH);

        assertThat(index.nearest(anime, Set.of(MediaType.ANIME), 10).orElseThrow()).extracting(Neighbour::key)
                .containsExactly(twin);
        assertThat(index.nearest(anime, Set.of(MediaType.MANGA), 10).orElseThrow()).singleElement()
                .satisfies(neighbour -> assertThat(neighbour.score()).isCloseTo(Math.sqrt(0.5), org.assertj.core.data.Offset.offset(1e-6)));
        assertThat(index.nearest(MediaKey.of(MediaType.ANIME, 3), EVERY_TYPE, 10)).isEmpty();
    }

    @Test
    void equalScoresAreOrderedByTypeThenId() {
        ModelIndex index = new ModelIndex("m", 2);
        MediaKey asked = MediaKey.of(MediaType.MOVIE, 1);
        index.upsert(asked, new float[]{1, 0}, Instant.EPOCH);
        List<MediaKey> twins = List.of(MediaKey.of(MediaType.GAME, 7), MediaKey.of(MediaType.ANIME, 9),
                MediaKey.of(MediaType.ANIME, 3), MediaKey.of(MediaType.MOVIE, 2));
        twins.forEach(key -> index.upsert(key, new float[]{3, 0}, Instant.EPOCH));

        assertThat(index.nearest(asked, EVERY_TYPE, 10).orElseThrow()).extracting(Neighbour::key).containsExactly(
                MediaKey.of(MediaType.ANIME, 3), MediaKey.of(MediaType.ANIME, 9), MediaKey.of(MediaType.MOVIE, 2),
                MediaKey.of(MediaType.GAME, 7));
    }

    @Test
    void anOlderVectorDoesNotReplaceANewerOne() {
        ModelIndex index = new ModelIndex("m", 2);
        MediaKey asked = MediaKey.of(MediaType.ANIME, 1);
        MediaKey other = MediaKey.of(MediaType.ANIME, 2);
        index.upsert(asked, new float[]{1, 0}, Instant.EPOCH);
        index.upsert(other, new float[]{0, 1}, Instant.parse("2026-01-02T00:00:00Z"));

        assertThat(index.upsert(other, new float[]{1, 0}, Instant.parse("2026-01-01T00:00:00Z"))).isFalse();
        assertThat(index.nearest(asked, EVERY_TYPE, 10).orElseThrow().getFirst().score()).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(index.upsert(other, new float[]{1, 0}, Instant.parse("2026-01-02T00:00:00Z"))).as("the same again")
                .isFalse();
    }

    @Test
    void vectorsOfOtherDimensionsOrWithoutDirectionAreRefused() {
        ModelIndex index = new ModelIndex("m", 2);
        assertThat(index.upsert(MediaKey.of(MediaType.ANIME, 1), new float[]{1, 0, 0}, Instant.EPOCH)).isFalse();
        assertThat(index.upsert(MediaKey.of(MediaType.ANIME, 1), new float[]{0, 0}, Instant.EPOCH)).isFalse();
        assertThat(index.size()).isZero();
    }

    @Test
    void theVectorApiDotProductEqualsThePlainLoop() {
        Random random = new Random(7);
        for (int dimensions : new int[]{1, 3, 16, 31, 64, 100, 384, 1536}) {
            byte[] codes = new byte[dimensions * 3];
            byte[] query = new byte[dimensions];
            random.nextBytes(codes);
            random.nextBytes(query);
            query[0] = Byte.MIN_VALUE;
            codes[dimensions] = Byte.MIN_VALUE;
            assertThat(VectorInt8Dot.dot(codes, dimensions, query, dimensions))
                    .isEqualTo(Int8Dot.plain(codes, dimensions, query, dimensions));
        }
        assertThat(Int8Dot.VECTORISED).as("the tests run with --add-modules jdk.incubator.vector").isTrue();
    }

    private static List<Neighbour> exactTop(MediaKey asked, List<MediaKey> keys, List<float[]> vectors, int k) {
        float[] query = vectors.get(keys.indexOf(asked));
        List<Neighbour> all = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (!keys.get(i).equals(asked)) {
                all.add(new Neighbour(keys.get(i), StoredCatalog.cosine(query, vectors.get(i))));
            }
        }
        all.sort(Comparator.comparingDouble(Neighbour::score).reversed());
        return all.subList(0, k);
    }

    private static float[] gaussian(Random random, int dimensions) {
        float[] vector = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        return vector;
    }
}
