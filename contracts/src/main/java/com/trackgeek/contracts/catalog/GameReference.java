package com.trackgeek.contracts.catalog;

/** Something IGDB names and numbers: a genre, theme, keyword, platform, game mode, franchise, engine, ... */
public record GameReference(Long igdbId, String name) {
}
