package com.trackgeek.simulator.jikan;

import com.trackgeek.simulator.Seeds;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plausible anime and manga titles in romaji, Japanese and English. Computed apart from the rest of a body
 * because search needs the titles of thousands of items without building their bodies. Anime and manga
 * draw from the same words with their own salt, so anime 42 and manga 42 are different works.
 */
final class SyntheticTitles {

    private static final long ANIME_SALT = 0x717L;
    private static final long MANGA_SALT = 0x3A46AL;

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

    /** A follow-up work's title, and the short synonym fans use for it (the base title plus a suffix). */
    private record Sequel(Form form, String synonymSuffix) {
    }

    private static final List<Sequel> ANIME_SEQUELS = List.of(
            new Sequel(new Form("%s 2nd Season", "%s 第2期", "%s Season 2"), " 2"),
            new Sequel(new Form("%s Final Season", "%s 最終章", "%s: The Final Season"), " Final"));

    private static final List<Sequel> MANGA_SEQUELS = List.of(
            new Sequel(new Form("%s Dai 2-bu", "%s 第2部", "%s Part 2"), " Part 2"),
            new Sequel(new Form("%s Gaiden", "%s外伝", "%s: Side Story"), " Gaiden"));

    private final long seed;
    private final long salt;
    private final List<Sequel> sequels;

    private SyntheticTitles(long seed, long salt, List<Sequel> sequels) {
        this.seed = seed;
        this.salt = salt;
        this.sequels = sequels;
    }

    static SyntheticTitles anime(long seed) {
        return new SyntheticTitles(seed, ANIME_SALT, ANIME_SEQUELS);
    }

    static SyntheticTitles manga(long seed) {
        return new SyntheticTitles(seed, MANGA_SALT, MANGA_SEQUELS);
    }

    Title of(long malId) {
        SplittableRandom random = Seeds.random(seed, malId, salt);
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
        if (sequelRoll < sequels.size()) {
            Sequel sequel = sequels.get(sequelRoll);
            synonyms = List.of(romaji + sequel.synonymSuffix());
            romaji = sequel.form().romaji().formatted(romaji);
            japanese = sequel.form().japanese().formatted(japanese);
            english = sequel.form().english().formatted(english);
        }
        return new Title(romaji, japanese, hasEnglish ? english : null, synonyms);
    }

    /** @param english null when the title has no English name */
    record Title(String romaji, String japanese, String english, List<String> synonyms) {

        /** Jikan's {@code titles}: the default, the synonyms, the Japanese and (if any) the English title. */
        List<JikanValues.Title> jikanTitles() {
            List<JikanValues.Title> titles = new ArrayList<>();
            titles.add(new JikanValues.Title("Default", romaji));
            synonyms.forEach(synonym -> titles.add(new JikanValues.Title("Synonym", synonym)));
            titles.add(new JikanValues.Title("Japanese", japanese));
            if (english != null) {
                titles.add(new JikanValues.Title("English", english));
            }
            return List.copyOf(titles);
        }
    }
}
