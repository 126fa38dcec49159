package com.trackgeek.contracts.catalog;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A TV show as we store and serve it (today from TMDB v3), with every season and every episode. Lists are
 * never null. Named {@code name} as TMDB names it; {@link #title()} is the same.
 *
 * <p>Images ({@code posterPath}, {@code backdropPath} and every nested {@code *Path}) are TMDB's relative
 * paths exactly as given, e.g. {@code /og6S0aTZU6YUJAbqxeKjCa3kY1E.jpg}, or null: the full URL is
 * {@code https://image.tmdb.org/t/p/<size>} + the path. Dates TMDB leaves empty are null.
 *
 * @param type           TMDB's kind: "Scripted", "Reality", "Documentary", "Miniseries", ...
 * @param status         TMDB's wording: "Returning Series", "Ended", "Canceled", "In Production", ...
 * @param languages      ISO 639-1 codes
 * @param episodeRunTime the typical runtimes in minutes (TMDB lists several)
 * @param originCountry  ISO 3166-1 codes
 * @param cast           the show's credits as TMDB's {@code credits} gives them (its latest season's regulars)
 */
public record TvShow(
        long tmdbId,
        String name,
        String originalName,
        String originalLanguage,
        String tagline,
        String type,
        String overview,
        String posterPath,
        String backdropPath,
        List<TvCreator> createdBy,
        List<ProductionCompany> productionCompanies,
        List<ProductionCountry> productionCountries,
        List<TvNetwork> networks,
        Boolean inProduction,
        String status,
        List<String> languages,
        List<SpokenLanguage> spokenLanguages,
        Integer numberOfEpisodes,
        Integer numberOfSeasons,
        List<Integer> episodeRunTime,
        List<TvSeason> seasons,
        LocalDate firstAirDate,
        LocalDate lastAirDate,
        TvEpisode lastEpisodeToAir,
        TvEpisode nextEpisodeToAir,
        List<CastCredit> cast,
        List<CrewCredit> crew,
        BigDecimal popularity,
        String homepage,
        List<String> originCountry,
        List<Genre> genres) implements CatalogItem {

    public TvShow {
        createdBy = Lists.orEmpty(createdBy);
        productionCompanies = Lists.orEmpty(productionCompanies);
        productionCountries = Lists.orEmpty(productionCountries);
        networks = Lists.orEmpty(networks);
        languages = Lists.orEmpty(languages);
        spokenLanguages = Lists.orEmpty(spokenLanguages);
        episodeRunTime = Lists.orEmpty(episodeRunTime);
        seasons = Lists.orEmpty(seasons);
        cast = Lists.orEmpty(cast);
        crew = Lists.orEmpty(crew);
        originCountry = Lists.orEmpty(originCountry);
        genres = Lists.orEmpty(genres);
    }

    @Override
    public MediaKey key() {
        return MediaKey.of(MediaType.TV_SHOW, tmdbId);
    }

    @Override
    public String title() {
        return name;
    }

    /** The original name when it differs ("La Casa de Papel" for "Money Heist"). */
    @Override
    public List<String> alternativeTitles() {
        return originalName == null || originalName.isBlank() || originalName.equals(name) ? List.of() : List.of(originalName);
    }

    @Override
    public String releaseStatus() {
        return status;
    }

    /**
     * TMDB's status: "Returning Series" and "In Production" (or {@code inProduction}) run, "Planned" and "Pilot" are
     * upcoming, "Ended" and "Canceled" finished on the last air date.
     */
    @Override
    public Lifecycle lifecycle() {
        String said = status == null ? "" : status;
        return switch (said) {
            case "Returning Series", "In Production" -> Lifecycle.RUNNING;
            case "Planned", "Pilot" -> Lifecycle.UPCOMING;
            case "Ended", "Canceled" -> Lifecycle.finished(lastAirDate);
            default -> Boolean.TRUE.equals(inProduction) ? Lifecycle.RUNNING : Lifecycle.UNKNOWN;
        };
    }

    /** TMDB's popularity moves daily. */
    @Override
    public Set<String> volatileFields() {
        return Set.of("popularity");
    }

    @Override
    public LocalDate releasedOn() {
        return firstAirDate;
    }

    /** The poster as a full URL at TMDB's {@code w500} size ({@link TmdbImages}), or null. */
    @Override
    public String image() {
        return TmdbImages.poster(posterPath);
    }

    /** Names, kind, genres, tagline and overview; networks, dates and people do not make two shows alike. */
    @Override
    public ItemDescription description() {
        String synopsis = tagline == null || tagline.isBlank() ? overview
                : overview == null || overview.isBlank() ? tagline : tagline.strip() + " " + overview.strip();
        String kind = type == null || type.isBlank() ? "TV show" : "TV show (" + type.strip() + ")";
        return new ItemDescription(name, alternativeTitles(), kind, Map.of("Genres", Genre.names(genres)), synopsis);
    }
}
