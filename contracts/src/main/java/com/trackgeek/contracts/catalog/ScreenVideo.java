package com.trackgeek.contracts.catalog;

import java.time.Instant;

/**
 * A video about a movie or show as TMDB lists it: trailers, teasers, clips, featurettes, behind the scenes...
 *
 * @param key         the video's id on its site (the YouTube id for {@code site = "YouTube"})
 * @param type        TMDB's kind: "Trailer", "Teaser", "Behind the Scenes", "Clip", "Featurette", ...
 * @param language    ISO 639-1
 * @param country     ISO 3166-1
 * @param size        the largest resolution (360, 480, 720, 1080)
 * @param publishedAt null where TMDB does not say (older records)
 * @param tmdbId      TMDB's id of the video entry
 */
public record ScreenVideo(String key, String site, String name, String type, Boolean official, String language,
                          String country, Integer size, Instant publishedAt, String tmdbId) {
}
