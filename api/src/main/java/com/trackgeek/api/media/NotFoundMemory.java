package com.trackgeek.api.media;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.SyncStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The negative cache: ids the provider recently said it does not know, as the sync worker recorded them in
 * {@code sync_state}. Kept in PostgreSQL rather than in memory so that every instance knows at once.
 */
@Component
final class NotFoundMemory {

    private final JdbcClient jdbc;
    private final Duration ttl;

    NotFoundMemory(JdbcClient jdbc, FetchProperties properties) {
        this.jdbc = jdbc;
        this.ttl = properties.notFoundTtl();
    }

    boolean recentlyNotFound(MediaKey key) {
        if (ttl.isZero()) {
            return false;
        }
        // The database's clock, like the worker's timestamp, so that instances' clocks do not matter.
        return jdbc.sql("""
                        select exists (
                            select 1 from sync_state
                             where media_type = :type and provider_id = :id
                               and status = :failed and last_error_code = :code
                               and last_failed_at > now() - make_interval(secs => :seconds))""")
                .param("type", key.type().name())
                .param("id", key.id())
                .param("failed", SyncStatus.FAILED.value())
                .param("code", key.type().notFound().name())
                .param("seconds", ttl.toMillis() / 1000.0)
                .query(Boolean.class)
                .single();
    }
}
