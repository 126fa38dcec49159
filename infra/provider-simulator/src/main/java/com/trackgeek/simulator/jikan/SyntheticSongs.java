package com.trackgeek.simulator.jikan;

import java.util.List;
import java.util.SplittableRandom;

/** Opening/ending songs for synthesised themes and music videos. */
final class SyntheticSongs {

    private static final List<String> TITLES = List.of(
            "Blue Horizon", "Hikari no Kakera", "Starlight Parade", "Kimi e no Uta", "Paper Moon", "Crossroads",
            "Yoake", "Resonance", "Nanairo", "Last Letter", "Kaze no Yukue", "Overdrive");
    private static final List<String> ARTISTS = List.of(
            "Mizuiro Parade", "Blue Lantern", "KAZE no UTA", "Starlight Arcade", "Yuzu Hoshino",
            "The Paper Cranes", "LUMINA", "Rin Aoyama");

    private SyntheticSongs() {
    }

    static Song draw(SplittableRandom random) {
        return new Song(ItemDice.pick(random, TITLES), ItemDice.pick(random, ARTISTS));
    }

    record Song(String title, String artist) {

        /** As Jikan lists themes: {@code 1: "again" by YUI (eps 1-14)}. */
        String themeLine(int number, int lastEpisode) {
            return number + ": \"" + title + "\" by " + artist + " (eps 1-" + lastEpisode + ")";
        }
    }
}
