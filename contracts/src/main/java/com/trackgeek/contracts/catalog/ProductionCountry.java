package com.trackgeek.contracts.catalog;

/** A country a movie or show was produced in, by its ISO 3166-1 code and TMDB's English name. */
public record ProductionCountry(String iso3166, String name) {
}
