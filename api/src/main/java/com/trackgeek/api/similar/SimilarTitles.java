package com.trackgeek.api.similar;

import com.trackgeek.api.problem.ApiException;
import com.trackgeek.contracts.MediaKey;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Service;

import java.time.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Answers similar titles from the active model's index: the nearest items among the asked types, each still
 * stored (with its title), best first. The candidates the index re-ranks exactly ({@code limit x
 * candidates-factor}) leave room for items deleted from the catalog since their vector was indexed.
 */
@Service
final class SimilarTitles {

    private final StoredTitles titles;
    private final VectorIndex index;
    private final ActiveModel active;
    private final SimilarProperties properties;
    private final MeterRegistry registry;

    SimilarTitles(StoredTitles titles, VectorIndex index, ActiveModel active, SimilarProperties properties,
                  MeterRegistry registry) {
        this.titles = titles;
        this.index = index;
        this.active = active;
        this.properties = properties;
        this.registry = registry;
    }

    SimilarAnswer similar(SimilarRequest request) {
        MediaKey key = request.item();
        String model = active.current().model();
        List<Neighbour> neighbours = scanTimer(model).record(() -> index.model(model)
                .flatMap(vectors -> vectors.nearest(key, request.types(), request.limit() * properties.candidatesFactor()))
                .orElse(null));
        List<MediaKey> keys = new ArrayList<>();
        keys.add(key);
        if (neighbours != null) {
            neighbours.forEach(neighbour -> keys.add(neighbour.key()));
        }
        // One round trip: whether the item is stored (else 404), and which candidates still are.
        Map<MediaKey, String> stored = titles.titles(keys);
        String title = stored.get(key);
        if (title == null) {
            throw ApiException.of(key.type().notFound(), "No " + key.type().pathSegment() + " " + key.id()
                    + " is stored, so nothing is similar to it.");
        }
        SimilarAnswer.Item item = SimilarAnswer.Item.of(key, title);
        if (neighbours == null) {
            return new SimilarAnswer(item, model, SimilarAnswer.NO_VECTOR_YET, List.of());
        }
        List<SimilarAnswer.Similar> similar = neighbours.stream()
                .filter(neighbour -> stored.containsKey(neighbour.key()))
                .limit(request.limit())
                .map(neighbour -> SimilarAnswer.Similar.of(neighbour, stored.get(neighbour.key())))
                .toList();
        return new SimilarAnswer(item, model, SimilarAnswer.READY, similar);
    }

    /**
     * The index's own share of a request (the scan and the exact re-rank), apart from HTTP and the titles' round
     * trip: what the similar-titles benchmark compares with the memory-bandwidth floor. Percentiles over the last
     * minute are published as they are, since a histogram's buckets are too coarse at a millisecond.
     */
    private Timer scanTimer(String model) {
        return Timer.builder("trackgeek.similar.scan")
                .description("The similar-titles index's scan and exact re-rank of one request")
                .tag("model", model == null ? "none" : model)
                .publishPercentiles(0.5, 0.95, 0.99)
                .percentilePrecision(3) // the default (1 significant digit) would round 1.4 ms and 1.9 ms alike
                .distributionStatisticExpiry(Duration.ofMinutes(1))
                .distributionStatisticBufferLength(3)
                .register(registry);
    }
}
