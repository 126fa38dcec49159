package com.trackgeek.embedding.item;

import com.trackgeek.contracts.MediaKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.stream.Collectors;

/** The embedding worker's part of the {@code sync_state} lifecycle: the last step, to "fresh". */
@Component
final class SyncStates {

    private final JdbcClient jdbc;

    SyncStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Completes the items that wait for their embedding. Any other state is left alone: "syncing" means a newer
     * sync is under way (and will request another embedding), "failed" and "stale" are the sync worker's to
     * change, and "fresh" already is.
     */
    void markFresh(Collection<MediaKey> items) {
        items.stream().collect(Collectors.groupingBy(MediaKey::type)).forEach((type, keys) -> jdbc.sql("""
                        update sync_state set status = 'fresh', updated_at = now()
                        where media_type = ? and provider_id = any(?) and status = 'pending_embeddings'""")
                .params(type.name(), keys.stream().mapToLong(MediaKey::id).toArray())
                .update());
    }
}
