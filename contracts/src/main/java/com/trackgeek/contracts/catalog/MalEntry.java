package com.trackgeek.contracts.catalog;

/** A named MyAnimeList resource: a studio, producer, author, magazine, genre, theme or related entry. */
public record MalEntry(Long malId, String type, String name, String url) {
}
