package com.trackgeek.contracts.catalog;

/**
 * Someone who worked on a movie or show, with the job ("Director" in "Directing").
 *
 * @param tmdbId      the person's TMDB id
 * @param profilePath TMDB's relative image path as given, or null
 */
public record CrewCredit(Long tmdbId, String name, String originalName, String department, String job,
                         String knownForDepartment, String profilePath, String creditId) {
}
