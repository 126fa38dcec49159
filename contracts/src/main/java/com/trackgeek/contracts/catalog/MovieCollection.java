package com.trackgeek.contracts.catalog;

/**
 * The collection (franchise) a movie belongs to, e.g. "Harry Potter Collection". Image fields are TMDB's
 * relative paths as given (see {@link Movie}).
 */
public record MovieCollection(Long tmdbId, String name, String posterPath, String backdropPath) {
}
