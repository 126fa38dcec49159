package com.trackgeek.contracts.catalog;

/**
 * A company that produced a movie or show.
 *
 * @param logoPath TMDB's image path as given (e.g. {@code /IuAlhI9eVC9Z8UQWOIDdWRKSEJ.png}), or null; a full
 *                 URL is {@code https://image.tmdb.org/t/p/<size>} + the path
 */
public record ProductionCompany(Long tmdbId, String name, String logoPath, String originCountry) {
}
