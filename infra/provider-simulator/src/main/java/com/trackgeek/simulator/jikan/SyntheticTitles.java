package com.trackgeek.simulator.jikan;

import com.trackgeek.simulator.Seeds;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Plausible anime titles in romaji, Japanese and English. Computed apart from the rest of a body
 * because search needs the titles of thousands of items without building their bodies.
 */
final class SyntheticTitles {

    private static final long SALT = 0x717L;

    private record Word(String romaji, String japanese, String english) {
    }

    /** A title pattern; {@code %s} is the word's rendering in that language. */
    private record Form(String romaji, String japanese, String english) {
    }

    private static final List<Word> WORDS = List.of(
            new Word("Hoshi", "星", "Star"), new Word("Sora", "空", "Sky"), new Word("Yume", "夢", "Dream"),
            new Word("Tsuki", "月", "Moon"), new Word("Kaze", "風", "Wind"), new Word("Hana", "花", "Flower"),
            new Word("Umi", "海", "Sea"), new Word("Kage", "影", "Shadow"), new Word("Hikari", "光", "Light"),
            new Word("Tenshi", "天使", "Angel"), new Word("Ken", "剣", "Sword"), new Word("Mahou", "魔法", "Magic"),
            new Word("Sekai", "世界", "World"), new Word("Mirai", "未来", "Future"), new Word("Kokoro", "心", "Heart"),
            new Word("Honoo", "炎", "Flame"), new Word("Yuki", "雪", "Snow"), new Word("Mori", "森", "Forest"),
            new Word("Shiro", "城", "Castle"), new Word("Ryuu", "竜", "Dragon"), new Word("Kitsune", "狐", "Fox"),
            new Word("Sakura", "桜", "Cherry Blossom"), new Word("Kami", "神", "God"), new Word("Oni", "鬼", "Demon"),
            new Word("Kiseki", "奇跡", "Miracle"), new Word("Uta", "歌", "Song"), new Word("Tabi", "旅", "Journey"),
            new Word("Hoshizora", "星空", "Starry Sky"), new Word("Tokei", "時計", "Clock"),
            new Word("Kagami", "鏡", "Mirror"));

    private static final List<Form> SUFFIX_FORMS = List.of(
            new Form("%s Monogatari", "%s物語", "%s Story"),
            new Form("%s Senki", "%s戦記", "%s Chronicles"),
            new Form("%s Gakuen", "%s学園", "%s Academy"),
            new Form("%s Densetsu", "%s伝説", "Legend of the %s"),
            new Form("%s Tantei", "%s探偵", "%s Detective"));

    private static final List<Form> SEQUELS = List.of(
            new Form("%s 2nd Season", "%s 第2期", "%s Season 2"),
            new Form("%s Final Season", "%s 最終章", "%s: The Final Season"));

    private final long seed;

    SyntheticTitles(long seed) {
        this.seed = seed;
    }

    Title of(long malId) {
        SplittableRandom random = Seeds.random(seed, malId, SALT);
        Word first = ItemDice.pick(random, WORDS);
        Word second = ItemDice.pick(random, WORDS);
        boolean possessive = random.nextBoolean();
        Form suffix = ItemDice.pick(random, SUFFIX_FORMS);
        int sequelRoll = random.nextInt(10);
        // Many MAL entries have no official English title.
        boolean hasEnglish = random.nextInt(5) != 0;

        String romaji;
        String japanese;
        String english;
        if (possessive) {
            romaji = first.romaji() + " no " + second.romaji();
            japanese = first.japanese() + "の" + second.japanese();
            english = "The " + second.english() + " of the " + first.english();
        } else {
            romaji = suffix.romaji().formatted(first.romaji());
            japanese = suffix.japanese().formatted(first.japanese());
            english = suffix.english().formatted(first.english());
        }
        List<String> synonyms = List.of();
        if (sequelRoll < SEQUELS.size()) {
            Form sequel = SEQUELS.get(sequelRoll);
            synonyms = List.of(romaji + (sequelRoll == 0 ? " 2" : " Final"));
            romaji = sequel.romaji().formatted(romaji);
            japanese = sequel.japanese().formatted(japanese);
            english = sequel.english().formatted(english);
        }
        return new Title(romaji, japanese, hasEnglish ? english : null, synonyms);
    }

    /** @param english null when the title has no English name */
    record Title(String romaji, String japanese, String english, List<String> synonyms) {
    }
}
