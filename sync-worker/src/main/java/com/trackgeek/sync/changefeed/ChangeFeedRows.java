package com.trackgeek.sync.changefeed;

import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The poller's SQL: each feed's position ({@code change_feed}), the lock that lets one replica read a feed at a time,
 * and the mark that makes a held item due. Every method runs inside the caller's transaction.
 */
final class ChangeFeedRows {

    /** Ids per {@code in (...)} list: a feed can name thousands. */
    static final int IDS_PER_STATEMENT = 1000;

    private final JdbcClient jdbc;

    ChangeFeedRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the feed's transaction-scoped advisory lock if no other replica holds it: false means another replica is
     * reading this feed right now, and this one leaves it alone.
     */
    boolean tryLock(Provider provider, MediaType type) {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(hashtext(:key))")
                .param("key", "trackgeek.change_feed." + provider.name() + "." + type.name())
                .query(Boolean.class).single());
    }

    Optional<Instant> polledThrough(Provider provider, MediaType type) {
        return jdbc.sql("select polled_through from change_feed where provider = :provider and media_type = :type")
                .param("provider", provider.name())
                .param("type", type.name())
                .query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
    }

    void advance(Provider provider, MediaType type, Instant through) {
        jdbc.sql("""
                        insert into change_feed (provider, media_type, polled_through, updated_at)
                        values (:provider, :type, :through, now())
                        on conflict (provider, media_type) do update
                           set polled_through = excluded.polled_through, updated_at = now()
                        """)
                .param("provider", provider.name())
                .param("type", type.name())
                .param("through", OffsetDateTime.ofInstant(through, ZoneOffset.UTC))
                .update();
    }

    /**
     * Makes the held items among {@code ids} due at {@code now} for the sweeper: fully stored ({@code media_item} not
     * partial), not gone, not due already (a null {@code stale_after} is due now), and last synced before
     * {@code syncedBefore}, the end of the range read: an item synced after it already has every change the range
     * names. Ids we do not hold match no row.
     *
     * @return how many items were made due
     */
    int markDue(MediaType type, List<Long> ids, Instant now, Instant syncedBefore) {
        int marked = 0;
        for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
            marked += jdbc.sql("""
                            update sync_state s
                               set stale_after = :now, updated_at = now()
                              from media_item m
                             where s.media_type = :type and s.provider_id in (:ids)
                               and m.media_type = s.media_type and m.provider_id = s.provider_id and not m.partial
                               and s.gone_at is null
                               and s.stale_after > :now
                               and (s.last_synced_at is null or s.last_synced_at < :syncedBefore)
                            """)
                    .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .param("syncedBefore", OffsetDateTime.ofInstant(syncedBefore, ZoneOffset.UTC))
                    .param("type", type.name())
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT)))
                    .update();
        }
        return marked;
    }
}
