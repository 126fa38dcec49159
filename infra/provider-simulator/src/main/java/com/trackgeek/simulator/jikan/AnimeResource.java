package com.trackgeek.simulator.jikan;

import com.trackgeek.simulator.jikan.JikanValues.DateRange;
import com.trackgeek.simulator.jikan.JikanValues.Images;
import com.trackgeek.simulator.jikan.JikanValues.Link;
import com.trackgeek.simulator.jikan.JikanValues.MalUrl;
import com.trackgeek.simulator.jikan.JikanValues.Relation;
import com.trackgeek.simulator.jikan.JikanValues.Title;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * Jikan's /anime/{id}/full body, key for key and in Jikan's key order (checked against
 * fixtures/jikan/anime-5114-fmab-full-readme-example.json). Used for synthesised items only;
 * recorded ones are served as recorded. Values shared with manga are in {@link JikanValues}.
 */
@JsonNaming(SnakeCaseStrategy.class)
record AnimeResource(
        long malId,
        String url,
        Images images,
        Trailer trailer,
        boolean approved,
        List<Title> titles,
        String title,
        String titleEnglish,
        String titleJapanese,
        List<String> titleSynonyms,
        String type,
        String source,
        Integer episodes,
        String status,
        boolean airing,
        DateRange aired,
        String duration,
        String rating,
        Double score,
        Integer scoredBy,
        Integer rank,
        int popularity,
        int members,
        int favorites,
        String synopsis,
        String background,
        String season,
        Integer year,
        Broadcast broadcast,
        List<MalUrl> producers,
        List<MalUrl> licensors,
        List<MalUrl> studios,
        List<MalUrl> genres,
        List<MalUrl> explicitGenres,
        List<MalUrl> themes,
        List<MalUrl> demographics,
        List<Relation> relations,
        Theme theme,
        List<Link> external,
        List<Link> streaming) {

    /** Also the shape of a promo's or music video's video. All fields null when there is none. */
    @JsonNaming(SnakeCaseStrategy.class)
    record Trailer(String youtubeId, String url, String embedUrl, TrailerImages images) {

        static Trailer none() {
            return new Trailer(null, null, null, new TrailerImages(null, null, null, null, null));
        }

        static Trailer youtube(String youtubeId) {
            String thumbnails = "https://img.youtube.com/vi/" + youtubeId + "/";
            return new Trailer(youtubeId,
                    "https://www.youtube.com/watch?v=" + youtubeId,
                    "https://www.youtube.com/embed/" + youtubeId + "?enablejsapi=1&wmode=opaque&autoplay=1",
                    new TrailerImages(thumbnails + "default.jpg", thumbnails + "sddefault.jpg",
                            thumbnails + "mqdefault.jpg", thumbnails + "hqdefault.jpg",
                            thumbnails + "maxresdefault.jpg"));
        }
    }

    @JsonNaming(SnakeCaseStrategy.class)
    record TrailerImages(String imageUrl, String smallImageUrl, String mediumImageUrl, String largeImageUrl,
                         String maximumImageUrl) {
    }

    record Broadcast(String day, String time, String timezone, String string) {

        static final Broadcast NONE = new Broadcast(null, null, null, null);
    }

    record Theme(List<String> openings, List<String> endings) {
    }
}
