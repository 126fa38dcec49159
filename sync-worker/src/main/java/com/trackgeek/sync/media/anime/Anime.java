package com.trackgeek.sync.media.anime;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.sync.media.FetchedItem;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An anime as we store it, whatever provider described it. Nested values become jsonb in this shape
 * (camelCase), which is what the API serves.
 */
public record Anime(
        long malId,
        String url,
        String imageUrl,
        Trailer trailer,
        String title,
        List<Title> titles,
        String type,
        String source,
        Integer numberOfEpisodes,
        String status,
        Boolean airing,
        OffsetDateTime airedFrom,
        OffsetDateTime airedTo,
        String airedText,
        String duration,
        String rating,
        BigDecimal score,
        Integer scoredBy,
        Integer rank,
        Integer popularity,
        Integer members,
        Integer favorites,
        String synopsis,
        String background,
        String season,
        Integer year,
        Broadcast broadcast,
        List<Entry> producers,
        List<Entry> licensors,
        List<Entry> studios,
        List<Entry> genres,
        List<Entry> explicitGenres,
        List<Entry> themes,
        List<Entry> demographics,
        List<Relation> relations,
        Theme theme,
        List<Link> externalLinks,
        List<Character> characters,
        List<StaffMember> staff,
        Videos videos) implements FetchedItem {

    @Override
    public MediaKey key() {
        return MediaKey.of(MediaType.ANIME, malId);
    }

    public record Title(String type, String title) {
    }

    /** A named MyAnimeList resource: studio, producer, genre, theme, related entry. */
    public record Entry(Long malId, String type, String name, String url) {
    }

    public record Trailer(String youtubeId, String url, String embedUrl, String imageUrl) {
    }

    public record Broadcast(String day, String time, String timezone, String text) {
    }

    public record Relation(String relation, List<Entry> entries) {
    }

    /** Opening and ending theme songs. */
    public record Theme(List<String> openings, List<String> endings) {
    }

    public record Link(String name, String url) {
    }

    public record Person(Long malId, String name, String url, String imageUrl) {
    }

    public record Character(Long malId, String name, String url, String imageUrl, String role, List<VoiceActor> voiceActors) {
    }

    public record VoiceActor(Person person, String language) {
    }

    public record StaffMember(Person person, List<String> positions) {
    }

    public record Videos(List<Promo> promo, List<EpisodeVideo> episodes, List<MusicVideo> musicVideos) {
    }

    public record Promo(String title, Trailer trailer) {
    }

    public record EpisodeVideo(Long malId, String title, String episode, String url, String imageUrl) {
    }

    public record MusicVideo(String title, Trailer video, String songTitle, String author) {
    }
}
