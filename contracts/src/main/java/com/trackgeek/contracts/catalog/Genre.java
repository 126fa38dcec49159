package com.trackgeek.contracts.catalog;

import java.util.List;
import java.util.Objects;

/** A TMDB genre ("Adventure", "Action & Adventure"): TMDB keeps separate genre ids for movies and TV. */
public record Genre(Long tmdbId, String name) {

    static List<String> names(List<Genre> genres) {
        return genres.stream().filter(Objects::nonNull).map(Genre::name).filter(Objects::nonNull).toList();
    }
}
