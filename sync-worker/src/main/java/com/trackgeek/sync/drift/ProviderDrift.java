package com.trackgeek.sync.drift;

import com.trackgeek.contracts.MediaKey;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One provider's refreshes in the sliding window, and whether its alarm is tripped. Not thread-safe: the guard
 * synchronizes on it.
 */
final class ProviderDrift {

    /** One checked refresh: when, which item, and the rules it broke (empty: not degraded). */
    private record Refresh(Instant at, MediaKey key, Set<DriftRule> broken) {
    }

    /** Why the share is what it is: the counts and, per rule, the items that broke it. */
    record Share(int refreshes, int degraded, Map<DriftRule, Set<MediaKey>> items) {

        double share() {
            return refreshes == 0 ? 0 : (double) degraded / refreshes;
        }

        @Override
        public String toString() {
            return degraded + " of " + refreshes + " refreshes degraded (" + Math.round(share() * 100) + "%): "
                    + items.entrySet().stream().map(rule -> rule.getKey().label() + " " + rule.getValue().size() + " "
                    + rule.getValue().stream().limit(5).map(MediaKey::toString).collect(Collectors.joining(", ", "[",
                    rule.getValue().size() > 5 ? ", ...]" : "]"))).collect(Collectors.joining("; "));
        }
    }

    private final Deque<Refresh> window = new ArrayDeque<>();
    private boolean tripped;

    /**
     * Records a refresh and judges the alarm again: with at least the minimum sample, tripped at or above the
     * threshold and cleared below {@code clearBelow} (in between it stays as it was, so it does not flap); cleared
     * too when the window held nothing before this refresh (the cool-down); with fewer refreshes the state stays as
     * it was, so a handful of refreshes neither trips nor clears it.
     *
     * @return the share after this refresh
     */
    Share record(Instant now, MediaKey key, Set<DriftRule> broken, DriftProperties settings) {
        Instant oldest = now.minus(settings.window());
        while (!window.isEmpty() && window.peekFirst().at().isBefore(oldest)) {
            window.removeFirst();
        }
        boolean cooledDown = window.isEmpty();
        window.addLast(new Refresh(now, key, broken));
        Share share = share();
        if (share.refreshes() >= settings.minimumSample()) {
            if (share.share() >= settings.threshold()) {
                tripped = true;
            } else if (share.share() < settings.clearBelow()) {
                tripped = false;
            }
        } else if (cooledDown) {
            tripped = false;
        }
        return share;
    }

    boolean tripped() {
        return tripped;
    }

    private Share share() {
        int degraded = 0;
        Map<DriftRule, Set<MediaKey>> items = new EnumMap<>(DriftRule.class);
        for (Refresh refresh : window) {
            if (!refresh.broken().isEmpty()) {
                degraded++;
                refresh.broken().forEach(rule -> items.computeIfAbsent(rule, r -> new TreeSet<>(
                        Comparator.comparing(MediaKey::toString))).add(refresh.key()));
            }
        }
        return new Share(window.size(), degraded, items);
    }

}
