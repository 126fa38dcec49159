package com.trackgeek.contracts;

import java.util.Arrays;
import java.util.Optional;

/**
 * The six kinds of media people track, each with the provider that owns its metadata and the path
 * segment that names it in the REST API ({@code /api/v1/{pathSegment}/{id}}).
 */
public enum MediaType {
    ANIME(Provider.JIKAN, "anime"),
    MANGA(Provider.JIKAN, "manga"),
    MOVIE(Provider.TMDB, "movie"),
    TV_SHOW(Provider.TMDB, "tv"),
    GAME(Provider.IGDB, "game"),
    BOOK(Provider.HARDCOVER, "book");

    private final Provider provider;
    private final String pathSegment;

    MediaType(Provider provider, String pathSegment) {
        this.provider = provider;
        this.pathSegment = pathSegment;
    }

    public Provider provider() {
        return provider;
    }

    public String pathSegment() {
        return pathSegment;
    }

    public ErrorCode notFound() {
        return ErrorCode.valueOf(name() + "_NOT_FOUND");
    }

    public ErrorCode alreadyRefreshed() {
        return ErrorCode.valueOf(name() + "_ALREADY_REFRESHED");
    }

    public static Optional<MediaType> fromPathSegment(String segment) {
        return Arrays.stream(values()).filter(type -> type.pathSegment.equals(segment)).findFirst();
    }
}
