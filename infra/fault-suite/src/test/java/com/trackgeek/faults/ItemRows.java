package com.trackgeek.faults;

import com.trackgeek.contracts.MediaKey;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What PostgreSQL holds of one item, read directly: a drifted body must leave nothing of the item behind (no item
 * row, no vector, no embedding request: nothing half-written), and must leave an item stored earlier exactly as it
 * was (its whole row, compared as JSON: document, derived columns and row times alike).
 */
final class ItemRows {

    /** Every table that holds an item's own data, keyed by (media_type, provider_id). */
    private static final List<String> ITEM_TABLES = List.of("media_item", "item_embedding", "embedding_request");

    private final JdbcClient database;

    ItemRows(JdbcClient database) {
        this.database = database;
    }

    /** The tables that hold anything of {@code item}, with their row counts; empty when nothing is stored. */
    Map<String, Long> anythingOf(MediaKey item) {
        return ITEM_TABLES.stream().collect(Collectors.toMap(table -> table, table -> database
                        .sql("select count(*) from " + table + " where media_type = ? and provider_id = ?")
                        .params(item.type().name(), item.id()).query(Long.class).single()))
                .entrySet().stream().filter(count -> count.getValue() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The item's whole {@code media_item} row as JSON, or empty when it is not stored. */
    Optional<String> row(MediaKey item) {
        return database.sql("select row_to_json(m)::text from media_item m where media_type = ? and provider_id = ?")
                .params(item.type().name(), item.id()).query(String.class).optional();
    }

    /**
     * Makes the item look stored two days ago (its last sync), so that a person's refresh is allowed by the api's
     * 24 h guard: the suite cannot wait a day.
     */
    void syncedDaysAgo(MediaKey item) {
        database.sql("update sync_state set last_synced_at = last_synced_at - interval '2 days' where media_type = ? and provider_id = ?")
                .params(item.type().name(), item.id()).update();
    }

    /** A bulk job's item: its outcome and code, null while pending. */
    record JobItem(long id, String outcome, String errorCode) {
    }

    List<JobItem> jobItems(UUID job) {
        return database.sql("select provider_id, outcome, error_code from bulk_job_item where job_id = ? order by provider_id")
                .param(job).query((rs, row) -> new JobItem(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }
}
