package com.trackgeek.sync.provider.tmdb;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.util.List;

/**
 * TMDB v3's response bodies, as far as we read them (snake_case on the wire). Unknown fields are ignored:
 * TMDB adds fields over time. Dates stay text here because TMDB sends {@code ""} for an unknown date; the
 * mappers turn them into dates.
 */
final class TmdbResponses {

    private TmdbResponses() {
    }

    /** {@code GET /movie/{id}?append_to_response=credits,videos}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Movie(Long id, String imdbId, String title, String originalTitle, String originalLanguage, String tagline,
                 String overview, String posterPath, String backdropPath, Long budget, Long revenue, String releaseDate,
                 String status, List<Company> productionCompanies, List<Country> productionCountries,
                 List<Language> spokenLanguages, Collection belongsToCollection, BigDecimal popularity, Integer runtime,
                 List<Genre> genres, String homepage, Credits credits, Videos videos) {
    }

    /** {@code GET /tv/{id}?append_to_response=credits}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Show(Long id, String name, String originalName, String originalLanguage, String tagline, String type,
                String overview, String posterPath, String backdropPath, List<Creator> createdBy,
                List<Company> productionCompanies, List<Country> productionCountries, List<Network> networks,
                Boolean inProduction, String status, List<String> languages, List<Language> spokenLanguages,
                Integer numberOfEpisodes, Integer numberOfSeasons, List<Integer> episodeRunTime,
                List<SeasonSummary> seasons, String firstAirDate, String lastAirDate, Episode lastEpisodeToAir,
                Episode nextEpisodeToAir, Credits credits, BigDecimal popularity, String homepage,
                List<String> originCountry, List<Genre> genres) {
    }

    /** An entry of a show's {@code seasons}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeasonSummary(Long id, Integer seasonNumber, String name, String overview, String airDate, String posterPath,
                         Integer episodeCount) {
    }

    /** A {@code season/N} entry appended to {@code /tv/{id}} (the body of {@code /tv/{id}/season/N}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Season(Long id, Integer seasonNumber, String name, String overview, String airDate, String posterPath,
                  List<Episode> episodes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Episode(Long id, Integer seasonNumber, Integer episodeNumber, String name, String overview, String airDate,
                   String stillPath, String productionCode, Integer runtime) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Credits(List<Cast> cast, List<Crew> crew) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Cast(Long id, String name, String originalName, String character, Integer order, String knownForDepartment,
                String profilePath, String creditId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Crew(Long id, String name, String originalName, String department, String job, String knownForDepartment,
                String profilePath, String creditId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Videos(List<Video> results) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Video(String id, String key, String site, String name, String type, Boolean official,
                 @JsonProperty("iso_639_1") String language, @JsonProperty("iso_3166_1") String country, Integer size,
                 String publishedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Company(Long id, String name, String logoPath, String originCountry) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Country(@JsonProperty("iso_3166_1") String iso, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Language(@JsonProperty("iso_639_1") String iso, String englishName, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Collection(Long id, String name, String posterPath, String backdropPath) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Genre(Long id, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Creator(Long id, String name, String profilePath, String creditId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Network(Long id, String name, String logoPath, String originCountry) {
    }

    /**
     * {@code GET /search/movie} and {@code /search/tv}: results are a subset of the movie and show objects
     * (the details body's fields that a search carries), so they are read as those.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MovieSearch(Integer page, List<Movie> results, Integer totalPages, Long totalResults) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ShowSearch(Integer page, List<Show> results, Integer totalPages, Long totalResults) {
    }

    /**
     * {@code /movie/popular}, {@code /tv/top_rated}, ... and the change feeds {@code /movie/changes},
     * {@code /tv/changes} ({@code {"id":..,"adult":..}} entries): only each result's id is read.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record IdList(Integer page, List<IdEntry> results, Integer totalPages, Long totalResults) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record IdEntry(Long id) {
    }
}
