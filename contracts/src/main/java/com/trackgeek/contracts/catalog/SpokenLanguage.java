package com.trackgeek.contracts.catalog;

/** A language spoken in a movie or show: ISO 639-1 code, English name, and its own name ("Français"). */
public record SpokenLanguage(String iso639, String englishName, String name) {
}
