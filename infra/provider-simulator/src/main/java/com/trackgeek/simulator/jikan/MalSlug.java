package com.trackgeek.simulator.jikan;

/** The name part of a MAL URL: "Fullmetal Alchemist: Brotherhood" -> "Fullmetal_Alchemist__Brotherhood". */
final class MalSlug {

    private MalSlug() {
    }

    static String of(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "_");
    }
}
