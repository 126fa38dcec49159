package com.trackgeek.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real items of the fixtures (every anime and manga the recorded Jikan bodies hold: the Naruto search, two
 * season pages, the full entries, the Jujutsu Kaisen search, Fullmetal Alchemist), stored the way a user stores
 * them: fetched through the API, which has the sync worker store them and the embedding worker embed them.
 */
final class FixtureItems {

    private FixtureItems() {
    }

    /**
     * The items other tests of the shared pipeline need unstored when they start (they fetch or search them as new):
     * the full entries' anime (FMA: Brotherhood, Mushishi, Sword Art Online) and manga (Fullmetal Alchemist).
     */
    static final Set<String> LEFT_TO_OTHER_TESTS = Set.of("ANIME:5114", "ANIME:457", "ANIME:11757", "MANGA:25");

    /** Fetches every recorded anime and manga through the API, eight at a time; their keys ({@code ANIME:20}, ...). */
    static List<String> storeAll(Pipeline pipeline) {
        return storeAllBut(pipeline, Set.of());
    }

    /** As {@link #storeAll}, leaving out the keys in {@code left}. */
    static List<String> storeAllBut(Pipeline pipeline, Set<String> left) {
        List<String> keys = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (String kind : List.of("anime", "manga")) {
            Set<Long> ids = pipeline.providers.jikan().recordedIds(kind);
            ids.stream().sorted().filter(id -> !left.contains(kind.toUpperCase(Locale.ROOT) + ":" + id)).forEach(id -> {
                keys.add(kind.toUpperCase(Locale.ROOT) + ":" + id);
                urls.add(pipeline.apiUrl() + "/api/v1/" + kind + "/" + id + "?wait=PT60S");
            });
        }
        for (int from = 0; from < urls.size(); from += 8) {
            ApiCalls.getConcurrently(urls.subList(from, Math.min(urls.size(), from + 8)))
                    .forEach(answer -> assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200));
        }
        return keys;
    }
}
