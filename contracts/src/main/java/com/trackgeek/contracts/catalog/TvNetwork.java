package com.trackgeek.contracts.catalog;

/** A network a show aired on. {@code logoPath} is TMDB's relative image path as given, or null. */
public record TvNetwork(Long tmdbId, String name, String logoPath, String originCountry) {
}
