package com.trackgeek.contracts.catalog;

import java.time.LocalDate;

/**
 * One episode of a show: an entry of a season, or the show's last or next episode to air.
 *
 * @param airDate   null where TMDB does not know it (it sends an empty string)
 * @param stillPath TMDB's relative image path as given, or null
 * @param runtime   minutes, where TMDB has it
 */
public record TvEpisode(Long tmdbId, Integer seasonNumber, Integer episodeNumber, String name, String overview,
                        LocalDate airDate, String stillPath, String productionCode, Integer runtime) {
}
