package com.trackgeek.sync.drift;

import com.trackgeek.contracts.Provider;
import com.trackgeek.contracts.catalog.CatalogItem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The drift alarm: a changed provider format must not wipe the catalog. Each refresh of a stored item is compared
 * with the stored item under the {@link DriftRule}s; a refresh that would lose data is refused (the stored item is
 * kept) and counted. When the share of degraded refreshes of a provider in the window reaches the threshold, the
 * provider trips: every refresh of it is refused, even one that breaks no rule (a format that lost genres has
 * likely lost what no rule checks), until the share falls below {@code clear-below} (half the threshold by default)
 * or a whole window passes without a refresh of it. Refreshes refused while tripped are still judged and counted, so the alarm sees the
 * provider recover.
 *
 * <p>One instance per worker: each replica judges the refreshes it runs (the sweeper spreads a provider's
 * refreshes over every replica, so each sees the same format change).
 */
public final class DriftGuard {

    private static final Logger log = LoggerFactory.getLogger(DriftGuard.class);

    private final DriftProperties settings;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<Provider, ProviderDrift> providers = new EnumMap<>(Provider.class);
    private final Map<Provider, AtomicInteger> trippedGauges = new EnumMap<>(Provider.class);

    DriftGuard(DriftProperties settings, JsonMapper json, Clock clock, MeterRegistry meters) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        for (Provider provider : Provider.values()) {
            providers.put(provider, new ProviderDrift());
            trippedGauges.put(provider, meters.gauge("trackgeek.sync.drift.tripped",
                    Tags.of("provider", tag(provider)), new AtomicInteger()));
        }
    }

    /**
     * Judges the refresh {@code fetched} of the item {@code stored} (null: the item is not stored yet, nothing can be
     * lost, and it is not counted).
     */
    public Verdict check(Provider provider, CatalogItem stored, CatalogItem fetched) {
        if (!settings.enabled() || stored == null) {
            return Verdict.WRITE;
        }
        ItemFacts before = ItemFacts.of(stored, json);
        ItemFacts after = ItemFacts.of(fetched, json);
        Set<DriftRule> broken = EnumSet.noneOf(DriftRule.class);
        for (DriftRule rule : DriftRule.values()) {
            if (rule.brokenBy(before, after)) {
                broken.add(rule);
            }
        }
        counter("trackgeek.sync.drift.refreshes", "Refreshes of stored items the drift alarm judged", provider).increment();
        ProviderDrift drift = providers.get(provider);
        boolean wasTripped;
        boolean tripped;
        ProviderDrift.Share share;
        synchronized (drift) {
            wasTripped = drift.tripped();
            share = drift.record(clock.instant(), stored.key(), broken, settings);
            tripped = drift.tripped();
        }
        trippedGauges.get(provider).set(tripped ? 1 : 0);
        if (tripped && !wasTripped) {
            log.warn("Drift alarm TRIPPED for {}: {} in the last {} (threshold {}%); every {} refresh is refused and the"
                            + " stored items are kept until the share falls below {}%", provider, share,
                    settings.window(), Math.round(settings.threshold() * 100), provider,
                    Math.round(settings.clearBelow() * 1000) / 10.0);
        } else if (!tripped && wasTripped) {
            log.warn("Drift alarm cleared for {}: {} in the last {}; refreshes are written again", provider, share,
                    settings.window());
        }
        if (!broken.isEmpty()) {
            counter("trackgeek.sync.drift.degraded", "Refreshes that would have lost data the stored item has", provider)
                    .increment();
            log.warn("Refused the refresh of {} from {}: it would lose data the stored item has ({})", stored.key(),
                    provider, broken.stream().map(DriftRule::label).toList());
            return new Verdict(Verdict.Decision.REFUSE_DEGRADED, broken);
        }
        if (tripped) {
            counter("trackgeek.sync.drift.refused", "Refreshes refused because their provider's drift alarm is tripped",
                    provider).increment();
            return new Verdict(Verdict.Decision.REFUSE_TRIPPED, broken);
        }
        return Verdict.WRITE;
    }

    /** Whether {@code provider}'s alarm is tripped now. */
    public boolean tripped(Provider provider) {
        ProviderDrift drift = providers.get(provider);
        synchronized (drift) {
            return drift.tripped();
        }
    }

    private Counter counter(String name, String description, Provider provider) {
        return Counter.builder(name).description(description).tag("provider", tag(provider)).register(meters);
    }

    private static String tag(Provider provider) {
        return provider.name().toLowerCase(Locale.ROOT);
    }
}
