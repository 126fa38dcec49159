package com.trackgeek.contracts.catalog;

/**
 * TMDB stores image paths relative to its image server, with the size chosen by whoever shows them; a
 * summary needs one full URL, so movies and TV shows pick the same poster size here.
 */
final class TmdbImages {

    /** TMDB's image server with the poster width most lists use ({@code w500}). */
    static final String POSTER_BASE = "https://image.tmdb.org/t/p/w500";

    private TmdbImages() {
    }

    static String poster(String posterPath) {
        return posterPath == null || posterPath.isBlank() ? null : POSTER_BASE + posterPath;
    }
}
