package com.trackgeek.contracts.catalog;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A manga (or light novel, manhwa, ...) as we store and serve it, today from MyAnimeList through Jikan.
 * Lists are never null. Characters carry no voice actors (an empty list).
 */
public record Manga(
        long malId,
        String url,
        String imageUrl,
        String title,
        List<Title> titles,
        String type,
        Integer chapters,
        Integer volumes,
        String status,
        Boolean publishing,
        DateRange published,
        BigDecimal score,
        Integer scoredBy,
        Integer rank,
        Integer popularity,
        Integer members,
        Integer favorites,
        String synopsis,
        String background,
        List<MalEntry> authors,
        List<MalEntry> serializations,
        List<MalEntry> genres,
        List<MalEntry> explicitGenres,
        List<MalEntry> themes,
        List<MalEntry> demographics,
        List<Relation> relations,
        List<Link> externalLinks,
        List<Character> characters) implements MyAnimeListItem {

    public Manga {
        titles = Lists.orEmpty(titles);
        authors = Lists.orEmpty(authors);
        serializations = Lists.orEmpty(serializations);
        genres = Lists.orEmpty(genres);
        explicitGenres = Lists.orEmpty(explicitGenres);
        themes = Lists.orEmpty(themes);
        demographics = Lists.orEmpty(demographics);
        relations = Lists.orEmpty(relations);
        externalLinks = Lists.orEmpty(externalLinks);
        characters = Lists.orEmpty(characters);
    }

    @Override
    public MediaKey key() {
        return MediaKey.of(MediaType.MANGA, malId);
    }

    /**
     * Jikan's status: "Publishing" (or {@code publishing}) runs, "Not yet published" is upcoming; "Finished" ended on
     * the last day published, and "On Hiatus" or "Discontinued" count as finished too (a hiatus can last years;
     * refreshing it daily would be waste, and the back-off still looks at it every 30 to 90 days).
     */
    @Override
    public Lifecycle lifecycle() {
        if (Boolean.TRUE.equals(publishing) || "Publishing".equalsIgnoreCase(status)) {
            return Lifecycle.RUNNING;
        }
        if ("Not yet published".equalsIgnoreCase(status)) {
            return Lifecycle.UPCOMING;
        }
        if ("Finished".equalsIgnoreCase(status)) {
            return Lifecycle.finished(DateRange.lastDay(published));
        }
        if ("On Hiatus".equalsIgnoreCase(status) || "Discontinued".equalsIgnoreCase(status)) {
            return Lifecycle.finished(null);
        }
        return Lifecycle.UNKNOWN;
    }

    @Override
    public LocalDate releasedOn() {
        return published == null ? null : published.fromDate();
    }

    @Override
    public Integer releaseYear() {
        LocalDate released = releasedOn();
        return released == null ? null : released.getYear();
    }
}
