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
 * (at most {@value #MAX_DAYS} apart), 100 a page, every page read (TMDB serves at most {@value #MAX_PAGE}). Because
 * TMDB counts in days, the feed is read for completed UTC days only ({@link #settledUntil}): the poller reads each
 * day once, after it ends. A range is widened to the days that hold {@code from} and the instant before {@code to}.
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
    public Instant settledUntil(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
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
        // The range ends before {@code to}: a read up to midnight is a read of the day that ended then.
        LocalDate end = LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC);
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
