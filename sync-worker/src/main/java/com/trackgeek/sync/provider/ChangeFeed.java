package com.trackgeek.sync.provider;

import com.trackgeek.contracts.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A provider's list of what changed upstream in a time range (TMDB's {@code /movie/changes}, IGDB's
 * {@code updated_at}): cheaper than refreshing every item on a timer, since the items that did not change are not
 * asked. The worker reads it through {@link MetadataProvider#changeFeed()} and never learns how the provider
 * answers it; providers without one (Jikan, Hardcover) leave their items to the timers.
 */
public interface ChangeFeed {

    /** The media types whose changes the feed lists. */
    Set<MediaType> mediaTypes();

    /**
     * How far back one read may start: the feed does not answer for older changes (TMDB: 14 days), so a longer gap
     * is read only for its last {@code reach} and the rest falls back to the timers.
     */
    Duration reach();

    /**
     * Up to when the feed's answer is final at {@code now}: a read ends there and the next one starts there. A feed
     * that counts in whole days (TMDB) is final for completed days only: reading the day still running would name its
     * changes again at every poll of the day, and each named item would be refreshed again and again. So each day is
     * read once, after it ends, and its changes are refreshed within a day.
     */
    default Instant settledUntil(Instant now) {
        return now;
    }

    /**
     * The ids of {@code type} changed between {@code from} and {@code to} (at most {@link #reach()} apart), every page
     * read, through the provider's gateway, rate limit and budget, on the bulk lane. The feed may name an id changed
     * a little before {@code from} (TMDB counts in whole days): a repeat costs a refresh, never a miss.
     *
     * @throws ProviderException when the provider is off, unavailable or answers something that cannot be read
     */
    Changes changed(MediaType type, Instant from, Instant to);

    /** The ids named, each once, and how many provider calls reading them took. */
    record Changes(List<Long> ids, int calls) {

        public Changes {
            ids = List.copyOf(Objects.requireNonNull(ids, "ids"));
        }
    }
}
