package com.trackgeek.simulator.jikan;

import com.trackgeek.simulator.jikan.AnimeResource.Trailer;
import com.trackgeek.simulator.jikan.CharacterResource.JpgImage;
import com.trackgeek.simulator.jikan.VideosResource.Episode;
import com.trackgeek.simulator.jikan.VideosResource.EpisodeImages;
import com.trackgeek.simulator.jikan.VideosResource.Meta;
import com.trackgeek.simulator.jikan.VideosResource.MusicVideo;
import com.trackgeek.simulator.jikan.VideosResource.Promo;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Promos, episode videos and music videos for anime without recorded ones. */
final class SyntheticVideosFactory {

    private static final int MAX_EPISODE_VIDEOS = 12;

    private final long seed;

    SyntheticVideosFactory(long seed) {
        this.seed = seed;
    }

    /** @param anime the anime's body, recorded or synthesised: episode videos exist only for aired episodes */
    VideosResource create(JsonNode anime) {
        long malId = anime.path("mal_id").asLong();
        SplittableRandom random = new ItemDice(seed, malId).of("videos");
        boolean aired = !"Not yet aired".equals(anime.path("status").asString(""));

        List<Promo> promos = new ArrayList<>();
        int promoCount = random.nextInt(aired ? 1 : 0, 4);
        for (int i = 1; i <= promoCount; i++) {
            promos.add(new Promo("PV " + i, Trailer.youtube(SyntheticAnimeFactory.youtubeId(random))));
        }

        // Like Jikan: the latest episodes first.
        List<Episode> episodes = new ArrayList<>();
        int episodeCount = aired ? Math.min(anime.path("episodes").asInt(0), MAX_EPISODE_VIDEOS) : 0;
        String animeUrl = anime.path("url").asString("https://myanimelist.net/anime/" + malId);
        for (int number = episodeCount; number >= 1; number--) {
            episodes.add(new Episode(number, animeUrl + "/episode/" + number, "Episode " + number + " preview",
                    "Episode " + number, new EpisodeImages(new JpgImage(
                    "https://img1.ak.crunchyroll.com/i/spire" + random.nextInt(1, 5) + "-tmb/"
                            + Long.toHexString(random.nextLong()) + "_large.jpg"))));
        }

        List<MusicVideo> musicVideos = new ArrayList<>();
        int musicCount = aired ? random.nextInt(0, 3) : 0;
        for (int i = 1; i <= musicCount; i++) {
            SyntheticSongs.Song song = SyntheticSongs.draw(random);
            musicVideos.add(new MusicVideo((i == 1 ? "OP" : "ED") + " 1 (Artist ver.)",
                    Trailer.youtube(SyntheticAnimeFactory.youtubeId(random)), new Meta(song.title(), song.artist())));
        }
        return new VideosResource(List.copyOf(promos), List.copyOf(episodes), List.copyOf(musicVideos));
    }
}
