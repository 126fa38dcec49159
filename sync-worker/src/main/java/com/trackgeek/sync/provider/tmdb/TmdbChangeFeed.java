package com.trackgeek.sync.provider.tmdb;

import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;
import com.trackgeek.sync.provider.ChangeFeed;
import com.trackgeek.sync.provider.IdPage;
import com.trackgeek.sync.provider.ProviderException;
import com.trackgeek.sync.ratelimit.WorkLane;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * TMDB's change feeds, {@code /movie/changes} and {@code /tv/changes}: the ids edited in a range of whole UTC days
 * (at most {@value #MAX_DAYS} apart), 100 a page, every page read (TMDB serves at most {@value #MAX_PAGE}). The
 * range is widened to the days that hold {@code from} and {@code to}, so an id edited earlier on {@code from}'s day
 * is named again: one refresh too many, never a change missed.
 */
final class TmdbChangeFeed implements ChangeFeed {

    static final int MAX_DAYS = 14;
    static final int MAX_PAGE = 1000;

    private final TmdbClient client;
    private final List<String> missingSettings;

    TmdbChangeFeed(TmdbClient client, List<String> missingSettings) {
        this.client = client;
        this.missingSettings = List.copyOf(missingSettings);
    }

    @Override
    public Set<MediaType> mediaTypes() {
        return Set.of(MediaType.MOVIE, MediaType.TV_SHOW);
    }

    @Override
    public Duration reach() {
        return Duration.ofDays(MAX_DAYS);
    }

    @Override
    public Changes changed(MediaType type, Instant from, Instant to) {
        if (!missingSettings.isEmpty()) {
            throw ProviderException.notConfigured(Provider.TMDB, "set " + String.join(", ", missingSettings));
        }
        String kind = switch (type) {
            case MOVIE -> "movie";
            case TV_SHOW -> "tv";
            default -> throw new IllegalArgumentException("TMDB lists changed movies and TV shows, not " + type);
        };
        LocalDate start = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate end = LocalDate.ofInstant(to, ZoneOffset.UTC);
        if (end.isBefore(start) || start.plusDays(MAX_DAYS).isBefore(end)) {
            throw new IllegalArgumentException("TMDB's change feed reads at most " + MAX_DAYS + " days: " + from + " to " + to);
        }
        return WorkLane.BULK.call(() -> {
            List<Long> ids = new ArrayList<>();
            int page = 1;
            int lastPage;
            do {
                var answer = client.changes(type, kind, start, end, page);
                if (answer.results() != null) {
                    answer.results().stream().map(TmdbResponses.IdEntry::id).filter(Objects::nonNull).forEach(ids::add);
                }
                lastPage = Math.min(MAX_PAGE, answer.totalPages() == null ? 0 : answer.totalPages());
                page++;
            } while (page <= lastPage);
            return new Changes(IdPage.distinct(ids), page - 1);
        });
    }
}
