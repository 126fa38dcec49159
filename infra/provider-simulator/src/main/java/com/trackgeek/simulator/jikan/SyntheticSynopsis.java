package com.trackgeek.simulator.jikan;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Synopses for synthesised anime and manga, which tell the same kinds of stories. Every synopsis says it
 * is synthesised, so a simulated title is never mistaken for a real one.
 */
final class SyntheticSynopsis {

    private static final List<String> PLACES = List.of(
            "a small coastal town", "a remote mountain village", "near-future Tokyo", "an elite boarding school",
            "a kingdom on the brink of war", "a city that floats above the clouds");
    private static final List<String> EVENTS = List.of(
            "a mysterious girl falls from the sky", "an ancient sword chooses them as its wielder",
            "a strange transfer student arrives", "the stars vanish one night",
            "a letter arrives from a parent long thought dead");
    private static final List<String> GOALS = List.of(
            "uncover the truth behind the disappearances", "win the national tournament",
            "protect the people they love", "find a way back home", "master a forbidden art");
    private static final String PROVENANCE = "(Synthesised by the TrackGeek provider simulator; not a real title.)";

    private SyntheticSynopsis() {
    }

    static String draw(SplittableRandom random) {
        SyntheticNames.Name hero = SyntheticNames.draw(random);
        SyntheticNames.Name companion = SyntheticNames.draw(random);
        return hero.given() + " " + hero.family() + " lives a quiet life in " + ItemDice.pick(random, PLACES)
                + " until " + ItemDice.pick(random, EVENTS) + ".\n\nJoined by " + companion.given() + " "
                + companion.family() + ", " + hero.given() + " must " + ItemDice.pick(random, GOALS)
                + " before it is too late.\n\n" + PROVENANCE;
    }
}
