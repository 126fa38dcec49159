package com.trackgeek.contracts.catalog;

/**
 * A language the game supports, and how ("Audio", "Subtitles", "Interface").
 */
public record GameLanguageSupport(String language, String supportType) {
}
