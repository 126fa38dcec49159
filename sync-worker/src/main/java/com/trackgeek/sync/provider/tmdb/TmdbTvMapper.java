package com.trackgeek.sync.provider.tmdb;

import com.trackgeek.contracts.catalog.TvCreator;
import com.trackgeek.contracts.catalog.TvEpisode;
import com.trackgeek.contracts.catalog.TvNetwork;
import com.trackgeek.contracts.catalog.TvSeason;
import com.trackgeek.contracts.catalog.TvShow;

import java.util.List;
import java.util.Map;

import static com.trackgeek.sync.provider.tmdb.TmdbValues.each;

/**
 * A TMDB show body with its credits, and its appended seasons, as our {@link TvShow}. Seasons follow the
 * show's own {@code seasons} list; each takes its episodes from its appended {@code season/N} body, and a
 * season TMDB lists but did not append keeps its summary with no episodes.
 */
final class TmdbTvMapper {

    private TmdbTvMapper() {
    }

    static TvShow toShow(TmdbResponses.Show show, Map<Integer, TmdbResponses.Season> seasons) {
        return new TvShow(
                show.id(),
                show.name(),
                show.originalName(),
                show.originalLanguage(),
                show.tagline(),
                show.type(),
                show.overview(),
                show.posterPath(),
                show.backdropPath(),
                each(show.createdBy(), creator -> new TvCreator(creator.id(), creator.name(), creator.profilePath(), creator.creditId())),
                TmdbValues.companies(show.productionCompanies()),
                TmdbValues.countries(show.productionCountries()),
                each(show.networks(), network -> new TvNetwork(network.id(), network.name(), network.logoPath(), network.originCountry())),
                show.inProduction(),
                show.status(),
                show.languages(),
                TmdbValues.languages(show.spokenLanguages()),
                show.numberOfEpisodes(),
                show.numberOfSeasons(),
                show.episodeRunTime(),
                each(show.seasons(), summary -> season(summary, seasons.get(summary.seasonNumber()))),
                TmdbValues.date(show.firstAirDate()),
                TmdbValues.date(show.lastAirDate()),
                episode(show.lastEpisodeToAir()),
                episode(show.nextEpisodeToAir()),
                TmdbValues.cast(show.credits()),
                TmdbValues.crew(show.credits()),
                show.popularity(),
                show.homepage(),
                show.originCountry(),
                TmdbValues.genres(show.genres()));
    }

    /** The season numbers whose bodies to append, in the show's order. */
    static List<Integer> seasonNumbers(TmdbResponses.Show show) {
        return each(show.seasons(), TmdbResponses.SeasonSummary::seasonNumber).stream()
                .filter(java.util.Objects::nonNull).distinct().toList();
    }

    private static TvSeason season(TmdbResponses.SeasonSummary summary, TmdbResponses.Season season) {
        if (summary.seasonNumber() == null) {
            throw new IllegalArgumentException("a season without season_number");
        }
        if (season == null) {
            return new TvSeason(summary.id(), summary.seasonNumber(), summary.name(), summary.overview(),
                    TmdbValues.date(summary.airDate()), summary.posterPath(), summary.episodeCount(), List.of());
        }
        return new TvSeason(season.id() != null ? season.id() : summary.id(), summary.seasonNumber(),
                season.name() != null ? season.name() : summary.name(),
                season.overview() != null ? season.overview() : summary.overview(),
                TmdbValues.date(season.airDate() != null ? season.airDate() : summary.airDate()),
                season.posterPath() != null ? season.posterPath() : summary.posterPath(),
                summary.episodeCount(),
                each(season.episodes(), episode -> episode(episode, summary.seasonNumber())));
    }

    private static TvEpisode episode(TmdbResponses.Episode episode) {
        return episode == null ? null : episode(episode, episode.seasonNumber());
    }

    private static TvEpisode episode(TmdbResponses.Episode episode, Integer seasonNumber) {
        return new TvEpisode(episode.id(), episode.seasonNumber() != null ? episode.seasonNumber() : seasonNumber,
                episode.episodeNumber(), episode.name(), episode.overview(), TmdbValues.date(episode.airDate()),
                episode.stillPath(), episode.productionCode(), episode.runtime());
    }
}
