package com.trackgeek.api.syncrequest;

import com.trackgeek.contracts.MediaKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Whether an item is stored and when a sync last stored it: what a refresh on request is decided on. Read from
 * PostgreSQL, not the item cache: the guard must hold on every instance the moment a refresh is stored.
 */
@Component
final class LastSyncs {

    /** @param at when a sync last stored the item; null if none did (a search hit only) */
    record LastSync(Instant at) {
    }

    private final JdbcClient jdbc;

    LastSyncs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty if the item is not stored at all. */
    Optional<LastSync> find(MediaKey item) {
        return jdbc.sql("""
                        select s.last_synced_at
                          from media_item i
                          left join sync_state s on s.media_type = i.media_type and s.provider_id = i.provider_id
                         where i.media_type = :type and i.provider_id = :id""")
                .param("type", item.type().name())
                .param("id", item.id())
                .query((rs, row) -> {
                    OffsetDateTime at = rs.getObject("last_synced_at", OffsetDateTime.class);
                    return new LastSync(at == null ? null : at.toInstant());
                })
                .optional();
    }
}
