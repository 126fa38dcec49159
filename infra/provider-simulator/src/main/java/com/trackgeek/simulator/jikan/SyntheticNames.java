package com.trackgeek.simulator.jikan;

import com.trackgeek.simulator.Seeds;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Japanese-looking names for synthesised characters and people. A person's name depends only on the
 * person's id, so the same voice actor has the same name in every anime.
 */
final class SyntheticNames {

    private static final List<String> FAMILY = List.of(
            "Satou", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Itou", "Yamamoto", "Nakamura", "Kobayashi",
            "Katou", "Yoshida", "Yamada", "Sasaki", "Yamaguchi", "Matsumoto", "Inoue", "Kimura", "Hayashi",
            "Shimizu", "Fujiwara", "Okada", "Hasegawa", "Ishikawa", "Morita");
    private static final List<String> GIVEN = List.of(
            "Haruto", "Yuuto", "Souta", "Ren", "Riku", "Kaito", "Hina", "Yui", "Mio", "Sakura", "Aoi", "Rin",
            "Yuna", "Kanon", "Shou", "Akira", "Makoto", "Hikaru", "Tsubasa", "Kaori", "Natsuki", "Minato");
    private static final long PERSON_SALT = 0xBE0B1EL;

    private final long seed;

    SyntheticNames(long seed) {
        this.seed = seed;
    }

    /** Given and family name drawn from {@code random}. */
    static Name draw(SplittableRandom random) {
        return new Name(ItemDice.pick(random, GIVEN), ItemDice.pick(random, FAMILY));
    }

    Name person(long personId) {
        return draw(Seeds.random(seed, personId, PERSON_SALT));
    }

    record Name(String given, String family) {

        /** As MAL lists people and characters: "Family, Given". */
        String listed() {
            return family + ", " + given;
        }

        String slug() {
            return given + "_" + family;
        }
    }
}
