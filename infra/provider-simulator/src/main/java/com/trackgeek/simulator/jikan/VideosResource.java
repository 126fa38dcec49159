package com.trackgeek.simulator.jikan;

import com.trackgeek.simulator.jikan.AnimeResource.Trailer;
import com.trackgeek.simulator.jikan.CharacterResource.JpgImage;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;

/** The {@code data} object of /anime/{id}/videos. */
@JsonNaming(SnakeCaseStrategy.class)
record VideosResource(List<Promo> promo, List<Episode> episodes, List<MusicVideo> musicVideos) {

    record Promo(String title, Trailer trailer) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    record Episode(long malId, String url, String title, String episode, EpisodeImages images) {
    }

    record EpisodeImages(JpgImage jpg) {
    }

    record MusicVideo(String title, Trailer video, Meta meta) {
    }

    record Meta(String title, String author) {
    }
}
