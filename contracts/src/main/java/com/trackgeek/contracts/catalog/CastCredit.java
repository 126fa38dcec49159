package com.trackgeek.contracts.catalog;

/**
 * Someone who plays in a movie or show, with the role.
 *
 * @param tmdbId      the person's TMDB id
 * @param order       billing order, 0 first
 * @param profilePath TMDB's relative image path as given, or null
 */
public record CastCredit(Long tmdbId, String name, String originalName, String character, Integer order,
                         String knownForDepartment, String profilePath, String creditId) {
}
