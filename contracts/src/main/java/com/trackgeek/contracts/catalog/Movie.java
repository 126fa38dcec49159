package com.trackgeek.contracts.catalog;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A movie as we store and serve it (today from TMDB v3). Lists are never null.
 *
 * <p>Images ({@code posterPath}, {@code backdropPath} and every nested {@code *Path}) are TMDB's relative
 * paths exactly as given, e.g. {@code /wuMc08IPKEatf9rnMNXvIDxqP4W.jpg}, or null: the full URL is
 * {@code https://image.tmdb.org/t/p/<size>} + the path, and the size ({@code w500}, {@code original}, ...) is
 * the reader's choice. Dates TMDB leaves empty are null. Text is as TMDB gives it (an empty tagline stays empty).
 *
 * @param budget  US dollars; 0 where TMDB does not know it
 * @param revenue US dollars; 0 where TMDB does not know it
 * @param runtime minutes
 * @param status  TMDB's wording: "Rumored", "Planned", "In Production", "Post Production", "Released", "Canceled"
 * @param videos  every video TMDB lists (trailers, teasers, behind the scenes, ...)
 */
public record Movie(
        long tmdbId,
        String imdbId,
        String title,
        String originalTitle,
        String originalLanguage,
        String tagline,
        String overview,
        String posterPath,
        String backdropPath,
        List<ScreenVideo> videos,
        Long budget,
        Long revenue,
        LocalDate releaseDate,
        String status,
        List<ProductionCompany> productionCompanies,
        List<ProductionCountry> productionCountries,
        List<SpokenLanguage> spokenLanguages,
        MovieCollection collection,
        List<CastCredit> cast,
        List<CrewCredit> crew,
        BigDecimal popularity,
        Integer runtime,
        List<Genre> genres,
        String homepage) implements CatalogItem {

    public Movie {
        videos = Lists.orEmpty(videos);
        productionCompanies = Lists.orEmpty(productionCompanies);
        productionCountries = Lists.orEmpty(productionCountries);
        spokenLanguages = Lists.orEmpty(spokenLanguages);
        cast = Lists.orEmpty(cast);
        crew = Lists.orEmpty(crew);
        genres = Lists.orEmpty(genres);
    }

    @Override
    public MediaKey key() {
        return MediaKey.of(MediaType.MOVIE, tmdbId);
    }

    /** The original title when it differs (the Japanese title of an anime film, ...). */
    @Override
    public List<String> alternativeTitles() {
        return originalTitle == null || originalTitle.isBlank() || originalTitle.equals(title) ? List.of() : List.of(originalTitle);
    }

    @Override
    public String releaseStatus() {
        return status;
    }

    /**
     * TMDB's status: "Rumored", "Planned", "In Production" and "Post Production" are upcoming; "Released" finished on
     * its release date (a future date still counts as upcoming); "Canceled" is finished, date unknown.
     */
    @Override
    public Lifecycle lifecycle() {
        if (status == null) {
            return Lifecycle.releasedOn(releaseDate);
        }
        return switch (status) {
            case "Rumored", "Planned", "In Production", "Post Production" -> Lifecycle.UPCOMING;
            case "Released" -> Lifecycle.finished(releaseDate);
            case "Canceled" -> Lifecycle.finished(null);
            default -> Lifecycle.UNKNOWN;
        };
    }

    /** TMDB's popularity moves daily. */
    @Override
    public Set<String> volatileFields() {
        return Set.of("popularity");
    }

    @Override
    public LocalDate releasedOn() {
        return releaseDate;
    }

    /** The poster as a full URL at TMDB's {@code w500} size ({@link TmdbImages}), or null. */
    @Override
    public String image() {
        return TmdbImages.poster(posterPath);
    }

    /** Names, genres, tagline and overview; money, dates and people do not make two movies alike. */
    @Override
    public ItemDescription description() {
        String synopsis = tagline == null || tagline.isBlank() ? overview
                : overview == null || overview.isBlank() ? tagline : tagline.strip() + " " + overview.strip();
        return new ItemDescription(title, alternativeTitles(), "Movie", Map.of("Genres", Genre.names(genres)), synopsis);
    }
}
