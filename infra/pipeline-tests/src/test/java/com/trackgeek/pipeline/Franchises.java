package com.trackgeek.pipeline;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether two items belong to one franchise, as far as stored data can tell: their stored relations name one
 * another (a sequel, an adaptation), or both titles hold a franchise word, which is the first word of some
 * item's title ("Naruto" makes "Boruto: Naruto the Movie" and "The Last: Naruto the Movie" one franchise).
 * Crude on purpose, and known to err: "Jujutsu Houritsuka Mikaya" counts as "Jujutsu Kaisen"'s franchise.
 */
final class Franchises {

    /** Words that start titles without naming anything. */
    private static final Set<String> NOT_NAMES = Set.of("the", "a", "an");
    private static final int SHORTEST_NAME = 4;

    private final Map<String, Set<String>> titleWords = new HashMap<>();
    private final Set<String> franchiseWords;

    Franchises(Collection<EmbeddedItem> items) {
        items.forEach(item -> titleWords.put(item.key(), words(item.title())));
        franchiseWords = items.stream()
                .map(item -> words(item.title()).isEmpty() ? "" : firstWord(item.title()))
                .filter(word -> word.length() >= SHORTEST_NAME && !NOT_NAMES.contains(word))
                .collect(Collectors.toSet());
    }

    boolean share(EmbeddedItem a, EmbeddedItem b) {
        if (a.isRelatedTo(b)) {
            return true;
        }
        Set<String> wordsOfB = titleWords.get(b.key());
        return titleWords.get(a.key()).stream().anyMatch(word -> franchiseWords.contains(word) && wordsOfB.contains(word));
    }

    /** Whether the title names Naruto: the franchise the "done when" is about. */
    static boolean isNaruto(EmbeddedItem item) {
        return words(item.title()).contains("naruto");
    }

    private static Set<String> words(String title) {
        return Set.copyOf(split(title));
    }

    private static String firstWord(String title) {
        return split(title).getFirst();
    }

    private static List<String> split(String title) {
        return Arrays.stream(title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty()).toList();
    }
}
