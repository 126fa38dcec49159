package com.trackgeek.embedding.item;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.stream.Collectors;

/** The embedding worker's part of the {@code sync_state} lifecycle: the last step, to "fresh" or "failed". */
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

    /**
     * Records that the item's embedding failed, for the items that still wait for it. The caller has checked, with
     * the items' rows locked, that their text is still the one that failed: a newer sync is left alone.
     */
    void markFailed(Collection<MediaKey> items, ErrorCode code, String detail) {
        items.stream().collect(Collectors.groupingBy(MediaKey::type)).forEach((type, keys) -> jdbc.sql("""
                        update sync_state set status = 'failed', last_error_code = ?, last_error_detail = ?,
                               last_failed_at = now(), updated_at = now()
                        where media_type = ? and provider_id = any(?) and status = 'pending_embeddings'""")
                .params(code.name(), detail, type.name(), keys.stream().mapToLong(MediaKey::id).toArray())
                .update());
    }
}
