package com.trackgeek.contracts;

import com.trackgeek.contracts.catalog.Anime;
import com.trackgeek.contracts.catalog.Book;
import com.trackgeek.contracts.catalog.CatalogItem;
import com.trackgeek.contracts.catalog.Game;
import com.trackgeek.contracts.catalog.Manga;
import com.trackgeek.contracts.catalog.Movie;
import com.trackgeek.contracts.catalog.TvShow;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The six kinds of media people track, each with the provider that owns its metadata and the path
 * segment that names it in the REST API ({@code /api/v1/{pathSegment}/{id}}).
 */
public enum MediaType {
    ANIME(Provider.JIKAN, "anime", Anime.class),
    MANGA(Provider.JIKAN, "manga", Manga.class),
    MOVIE(Provider.TMDB, "movie", Movie.class),
    TV_SHOW(Provider.TMDB, "tv", TvShow.class),
    GAME(Provider.IGDB, "game", Game.class),
    BOOK(Provider.HARDCOVER, "book", Book.class);

    private final Provider provider;
    private final String pathSegment;
    private final Class<? extends CatalogItem> catalogType;

    MediaType(Provider provider, String pathSegment, Class<? extends CatalogItem> catalogType) {
        this.provider = provider;
        this.pathSegment = pathSegment;
        this.catalogType = Objects.requireNonNull(catalogType, "catalogType");
    }

    /** The record that defines this type's stored shape, once for every module (see {@link CatalogItem}). */
    public Class<? extends CatalogItem> catalogType() {
        return catalogType;
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
