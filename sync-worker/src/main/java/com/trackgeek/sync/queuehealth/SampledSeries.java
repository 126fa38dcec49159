package com.trackgeek.sync.queuehealth;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import java.util.List;
import java.util.Map;

/**
 * One gauge's series as the last run computed them, which an instance can also withdraw entirely: the instance that
 * does not compute them exports none (rather than stale values or zeros), so a dashboard's {@code max} or {@code sum}
 * over replicas reads the one instance that does.
 *
 * <p>A series keeps its meter between runs (it reads the latest value); only series whose tags are new or gone are
 * registered or removed, so a scrape never finds one missing while values are replaced.
 */
final class SampledSeries {

    private final MultiGauge gauge;
    private volatile Map<Tags, Double> values = Map.of();

    SampledSeries(MultiGauge gauge) {
        this.gauge = gauge;
    }

    static SampledSeries register(MeterRegistry registry, String name, String baseUnit, String description) {
        return new SampledSeries(MultiGauge.builder(name).baseUnit(baseUnit).description(description).register(registry));
    }

    /** Exports exactly these series, with these values. */
    void publish(Map<Tags, Double> sampled) {
        values = Map.copyOf(sampled);
        gauge.register(sampled.keySet().stream()
                .<MultiGauge.Row<?>>map(tags -> MultiGauge.Row.of(tags, this, series -> series.value(tags)))
                .toList(), false);
    }

    /** Exports none of its series any more. */
    void withdraw() {
        values = Map.of();
        gauge.register(List.of(), true);
    }

    private double value(Tags tags) {
        return values.getOrDefault(tags, Double.NaN);
    }
}
