package com.trackgeek.contracts.catalog;

/** A creator of a show. {@code profilePath} is TMDB's relative image path as given, or null. */
public record TvCreator(Long tmdbId, String name, String profilePath, String creditId) {
}
