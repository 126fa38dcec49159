package com.trackgeek.api.media.anime;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.trackgeek.api.media.StoredItem;
import com.trackgeek.api.media.SyncSummary;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A stored anime, as the API answers it. Nested data is the sync worker's normalised JSON, stored as jsonb
 * and passed through verbatim ({@link JsonRawValue}): the API neither re-parses nor reshapes it, so it cannot
 * drift from what the worker writes.
 */
record Anime(
        long malId,
        String url,
        String imageUrl,
        @JsonRawValue String trailer,
        String title,
        @JsonRawValue String titles,
        String type,
        String source,
        Integer numberOfEpisodes,
        String status,
        Boolean airing,
        Aired aired,
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
        @JsonRawValue String broadcast,
        @JsonRawValue String producers,
        @JsonRawValue String licensors,
        @JsonRawValue String studios,
        @JsonRawValue String genres,
        @JsonRawValue String explicitGenres,
        @JsonRawValue String themes,
        @JsonRawValue String demographics,
        @JsonRawValue String relations,
        @JsonRawValue String theme,
        @JsonRawValue String externalLinks,
        @JsonRawValue String characters,
        @JsonRawValue String staff,
        @JsonRawValue String videos,
        Instant lastRefreshedAt,
        Instant createdAt,
        Instant updatedAt,
        SyncSummary sync) implements StoredItem {
}
