package com.trackgeek.contracts.catalog;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An anime as we store and serve it, whatever provider described it (today MyAnimeList through Jikan).
 * Lists are never null, so readers can always iterate them.
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
        DateRange aired,
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
        List<MalEntry> producers,
        List<MalEntry> licensors,
        List<MalEntry> studios,
        List<MalEntry> genres,
        List<MalEntry> explicitGenres,
        List<MalEntry> themes,
        List<MalEntry> demographics,
        List<Relation> relations,
        Theme theme,
        List<Link> externalLinks,
        List<Character> characters,
        List<StaffMember> staff,
        Videos videos) implements MyAnimeListItem {

    public Anime {
        titles = Lists.orEmpty(titles);
        producers = Lists.orEmpty(producers);
        licensors = Lists.orEmpty(licensors);
        studios = Lists.orEmpty(studios);
        genres = Lists.orEmpty(genres);
        explicitGenres = Lists.orEmpty(explicitGenres);
        themes = Lists.orEmpty(themes);
        demographics = Lists.orEmpty(demographics);
        relations = Lists.orEmpty(relations);
        externalLinks = Lists.orEmpty(externalLinks);
        characters = Lists.orEmpty(characters);
        staff = Lists.orEmpty(staff);
    }

    /** When and where new episodes are broadcast. */
    public record Broadcast(String day, String time, String timezone, String text) {
    }

    /** Opening and ending theme songs. */
    public record Theme(List<String> openings, List<String> endings) {
    }

    public record Videos(List<Promo> promo, List<EpisodeVideo> episodes, List<MusicVideo> musicVideos) {
    }

    public record Promo(String title, Trailer trailer) {
    }

    public record EpisodeVideo(Long malId, String title, String episode, String url, String imageUrl) {
    }

    public record MusicVideo(String title, Trailer video, String songTitle, String author) {
    }

    @Override
    public MediaKey key() {
        return MediaKey.of(MediaType.ANIME, malId);
    }

    /**
     * Jikan's status: "Currently Airing" (or {@code airing}) runs, "Not yet aired" is upcoming, "Finished Airing"
     * finished on the last day aired.
     */
    @Override
    public Lifecycle lifecycle() {
        if (Boolean.TRUE.equals(airing) || "Currently Airing".equalsIgnoreCase(status)) {
            return Lifecycle.RUNNING;
        }
        if ("Not yet aired".equalsIgnoreCase(status)) {
            return Lifecycle.UPCOMING;
        }
        if ("Finished Airing".equalsIgnoreCase(status)) {
            return Lifecycle.finished(DateRange.lastDay(aired));
        }
        return Lifecycle.UNKNOWN;
    }

    @Override
    public LocalDate releasedOn() {
        return aired == null ? null : aired.fromDate();
    }

    @Override
    public Integer releaseYear() {
        if (year != null) {
            return year;
        }
        LocalDate released = releasedOn();
        return released == null ? null : released.getYear();
    }
}
