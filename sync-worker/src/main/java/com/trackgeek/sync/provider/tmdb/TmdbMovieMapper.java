package com.trackgeek.sync.provider.tmdb;

import com.trackgeek.contracts.catalog.Movie;
import com.trackgeek.contracts.catalog.MovieCollection;
import com.trackgeek.contracts.catalog.ScreenVideo;

import java.util.List;

import static com.trackgeek.sync.provider.tmdb.TmdbValues.each;

/** A TMDB movie body, with its appended credits and videos, as our {@link Movie}. */
final class TmdbMovieMapper {

    private TmdbMovieMapper() {
    }

    static Movie toMovie(TmdbResponses.Movie movie) {
        var collection = movie.belongsToCollection();
        return new Movie(
                movie.id(),
                movie.imdbId(),
                movie.title(),
                movie.originalTitle(),
                movie.originalLanguage(),
                movie.tagline(),
                movie.overview(),
                movie.posterPath(),
                movie.backdropPath(),
                videos(movie.videos()),
                movie.budget(),
                movie.revenue(),
                TmdbValues.date(movie.releaseDate()),
                movie.status(),
                TmdbValues.companies(movie.productionCompanies()),
                TmdbValues.countries(movie.productionCountries()),
                TmdbValues.languages(movie.spokenLanguages()),
                collection == null ? null : new MovieCollection(collection.id(), collection.name(),
                        collection.posterPath(), collection.backdropPath()),
                TmdbValues.cast(movie.credits()),
                TmdbValues.crew(movie.credits()),
                movie.popularity(),
                movie.runtime(),
                TmdbValues.genres(movie.genres()),
                movie.homepage());
    }

    static List<ScreenVideo> videos(TmdbResponses.Videos videos) {
        return videos == null ? List.of() : each(videos.results(), video -> new ScreenVideo(video.key(), video.site(),
                video.name(), video.type(), video.official(), video.language(), video.country(), video.size(),
                TmdbValues.instant(video.publishedAt()), video.id()));
    }
}
