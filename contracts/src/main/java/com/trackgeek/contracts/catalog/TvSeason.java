package com.trackgeek.contracts.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * One season of a show with every episode (season 0 is TMDB's "Specials").
 *
 * @param episodeCount what the show's summary says the season has; {@code episodes} is what the season lists
 * @param posterPath   TMDB's relative image path as given, or null
 */
public record TvSeason(Long tmdbId, int seasonNumber, String name, String overview, LocalDate airDate,
                       String posterPath, Integer episodeCount, List<TvEpisode> episodes) {

    public TvSeason {
        episodes = Lists.orEmpty(episodes);
    }
}
