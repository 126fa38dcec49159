package com.trackgeek.api.similar;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which model answers {@code similar}: one at a time, so no answer mixes models. The operator's pinned model if
 * there is one; otherwise the rule's, which a re-embedding moves on only once the new model is complete:
 * <ul>
 *     <li>with no model chosen yet (or the chosen one's vectors all gone), the model with the most vectors;</li>
 *     <li>then, among the models that cover the chosen one's items (a vector for each of them; the chosen one
 *         included), the one with the newest vector: a model being re-embedded into takes over exactly when it
 *         has caught up, and the old one, no longer written, never takes back.</li>
 * </ul>
 * Evaluated at start and at every catch-up (and when the operator pins or unpins), never per request. The rule's
 * model is kept while a pin overrides it, so unpinning returns to it.
 */
@Component
final class ActiveModel {

    static final String PINNED = "pinned";
    static final String COVERS_CATALOG = "covers-catalog";
    static final String MOST_VECTORS = "most-vectors";

    /** @param model null while no model has vectors; @param why pinned, covers-catalog or most-vectors */
    record Choice(String model, String why) {
        static final Choice NONE = new Choice(null, null);
    }

    private static final Logger log = LoggerFactory.getLogger(ActiveModel.class);

    private final StoredModels models;
    private final PinnedModel pinned;
    private final MeterRegistry registry;
    private final Set<String> gauged = new HashSet<>();
    private volatile Choice ruled = Choice.NONE;
    private volatile Choice current = Choice.NONE;

    ActiveModel(StoredModels models, PinnedModel pinned, MeterRegistry registry) {
        this.models = models;
        this.pinned = pinned;
        this.registry = registry;
    }

    Choice current() {
        return current;
    }

    synchronized Choice evaluate() {
        List<ModelStats> stats = models.stats();
        ruled = rule(stats);
        Choice chosen = pinned.find().map(pin -> new Choice(pin.model(), PINNED)).orElse(ruled);
        if (!Objects.equals(chosen, current)) {
            log.info("similar titles now answer from model {} ({}; was {})", chosen.model(), chosen.why(), current.model());
        }
        current = chosen;
        stats.forEach(model -> gauge(model.model()));
        return chosen;
    }

    private Choice rule(List<ModelStats> stats) {
        Optional<ModelStats> kept = stats.stream().filter(model -> model.model().equals(ruled.model())).findFirst();
        Choice base = kept.isPresent() ? ruled : stats.stream()
                .max(Comparator.comparingLong(ModelStats::vectors).thenComparing(ModelStats::latest))
                .map(model -> new Choice(model.model(), MOST_VECTORS))
                .orElse(Choice.NONE);
        if (base.model() == null) {
            return base;
        }
        ModelStats baseStats = stats.stream().filter(model -> model.model().equals(base.model())).findFirst().orElseThrow();
        // Only a model at least as large and with newer vectors can win; of those, the newest that covers.
        return stats.stream()
                .filter(model -> model.vectors() >= baseStats.vectors() && model.latest().isAfter(baseStats.latest()))
                .sorted(Comparator.comparing(ModelStats::latest).reversed())
                .filter(model -> models.covers(model.model(), base.model()))
                .findFirst()
                .map(model -> new Choice(model.model(), COVERS_CATALOG))
                .orElse(base);
    }

    private void gauge(String model) {
        if (gauged.add(model)) {
            Gauge.builder("trackgeek.similar.active", this, active -> model.equals(active.current.model()) ? 1 : 0)
                    .description("1 for the model that answers similar titles on this instance, 0 for the others")
                    .tag("model", model)
                    .register(registry);
        }
    }
}
