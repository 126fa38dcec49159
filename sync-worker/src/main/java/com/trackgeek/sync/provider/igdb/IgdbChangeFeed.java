package com.trackgeek.sync.provider.igdb;

import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;
import com.trackgeek.sync.provider.ChangeFeed;
import com.trackgeek.sync.provider.IdPage;
import com.trackgeek.sync.provider.ProviderBodies;
import com.trackgeek.sync.provider.ProviderException;
import com.trackgeek.sync.ratelimit.WorkLane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * IGDB's change feed: every game carries {@code updated_at} (unix seconds), so the games changed in a range are a
 * listing of {@code /games} by it ({@link IgdbQuery#idsUpdated}), 500 a call, page after page by offset until a page
 * is not full, through the same token, in-flight limit, gateway, rate limit and budget as every IGDB call (on the
 * bulk lane).
 *
 * <p>The range is read as {@code updated_at > from & updated_at <= to} in whole seconds, so consecutive reads
 * neither overlap nor leave a gap. IGDB's timestamps are exact, so the interval still running can be read: what is
 * final at {@code now} is every second that has fully passed ({@link #settledUntil}); a change later in the current
 * second is read by the next poll, never named twice.
 *
 * <p>IGDB answers any range, but {@link #reach()} is {@value #REACH_DAYS} days: a read after a long outage stays a few
 * dozen calls at most instead of a listing of most of IGDB, and games changed before that were, by then, mostly
 * refreshed by their timers (the poller counts the gap). At most {@value #MAX_PAGES} pages are read (100,000 ids);
 * beyond that the rest is logged and left to the timers, as a guard against a query IGDB answered wrongly.
 */
final class IgdbChangeFeed implements ChangeFeed {

    private static final Logger log = LoggerFactory.getLogger(IgdbChangeFeed.class);

    static final int REACH_DAYS = 30;
    static final int MAX_PAGES = 200;

    private final IgdbClient client;
    private final List<String> missingSettings;
    private final ProviderBodies bodies = ProviderBodies.snakeCase(Provider.IGDB);

    IgdbChangeFeed(IgdbClient client, List<String> missingSettings) {
        this.client = client;
        this.missingSettings = List.copyOf(missingSettings);
    }

    @Override
    public Set<MediaType> mediaTypes() {
        return Set.of(MediaType.GAME);
    }

    @Override
    public Duration reach() {
        return Duration.ofDays(REACH_DAYS);
    }

    /** The last whole second that has fully passed: later changes of the second still running may yet come. */
    @Override
    public Instant settledUntil(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
    }

    @Override
    public Changes changed(MediaType type, Instant from, Instant to) {
        if (!missingSettings.isEmpty()) {
            throw ProviderException.notConfigured(Provider.IGDB, "set " + String.join(", ", missingSettings));
        }
        if (type != MediaType.GAME) {
            throw new IllegalArgumentException("IGDB lists changed games, not " + type);
        }
        if (to.isBefore(from) || Duration.between(from, to).compareTo(reach()) > 0) {
            throw new IllegalArgumentException("IGDB's change feed reads at most " + REACH_DAYS + " days: " + from + " to " + to);
        }
        long after = from.getEpochSecond();
        long until = to.getEpochSecond();
        return WorkLane.BULK.call(() -> {
            List<Long> ids = new ArrayList<>();
            int pages = 0;
            int size;
            do {
                String path = "POST " + IgdbClient.PATH + " where updated_at > " + after + " & updated_at <= " + until
                        + " offset " + pages * IgdbQuery.MAX_IDS;
                var page = bodies.parse(client.listGames(IgdbQuery.idsUpdated(after, until, pages * IgdbQuery.MAX_IDS)),
                        IgdbResponses.IdEntry[].class, path);
                Arrays.stream(page).map(IgdbResponses.IdEntry::id).filter(Objects::nonNull).forEach(ids::add);
                size = page.length;
                pages++;
            } while (size >= IgdbQuery.MAX_IDS && pages < MAX_PAGES);
            if (size >= IgdbQuery.MAX_IDS) {
                log.warn("IGDB's change feed named more than {} games changed between {} and {}; the rest is left to the"
                        + " timers", MAX_PAGES * IgdbQuery.MAX_IDS, from, to);
            }
            return new Changes(IdPage.distinct(ids), pages);
        });
    }
}
