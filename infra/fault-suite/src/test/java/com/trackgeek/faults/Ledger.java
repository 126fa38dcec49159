package com.trackgeek.faults;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What became of the work a scenario's load had accepted, read from PostgreSQL: the sync requests the api answered
 * 202 for, and the bulk job's items. "Completed" is done or failed (both are answers a client can act on), "lost"
 * is accepted and neither ({@link Announcements} counts what was announced twice). "Fetched again" counts the provider
 * calls beyond one per item: work redone after the fault, harmless, but bounded by what was in hand at the fault.
 */
final class Ledger {

    private final JdbcClient database;

    Ledger(JdbcClient database) {
        this.database = database;
    }

    /** Of {@code requests}, how many are done or failed. */
    long completedRequests(Collection<UUID> requests) {
        return database.sql("select count(*) from sync_request where id = any(?) and status in ('done', 'failed')")
                .param(requests.toArray(UUID[]::new)).query(Long.class).single();
    }

    /** Of {@code requests}, how many are done (the others failed with a code, e.g. during a provider outage). */
    long doneRequests(Collection<UUID> requests) {
        return database.sql("select count(*) from sync_request where id = any(?) and status = 'done'")
                .param(requests.toArray(UUID[]::new)).query(Long.class).single();
    }

    /** Of {@code requests}, how many were recorded at all (a 202 is only answered after the row is written). */
    long recordedRequests(Collection<UUID> requests) {
        return database.sql("select count(*) from sync_request where id = any(?)")
                .param(requests.toArray(UUID[]::new)).query(Long.class).single();
    }

    /** The job's items with an outcome, and its status. */
    BulkState bulk(UUID job) {
        return database.sql("""
                        select j.status,
                               (select count(*) from bulk_job_item i where i.job_id = j.id),
                               (select count(*) from bulk_job_item i where i.job_id = j.id and i.outcome is not null)
                          from bulk_job j where j.id = ?""")
                .param(job).query((rs, row) -> new BulkState(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .optional().orElse(new BulkState(null, 0, 0));
    }

    record BulkState(String status, long items, long finished) {
    }

    /** Of {@code ids}, how many movies are stored. */
    long stored(List<Long> ids) {
        return database.sql("select count(*) from media_item where media_type = 'MOVIE' and provider_id = any(?)")
                .param(ids.stream().mapToLong(Long::longValue).toArray()).query(Long.class).single();
    }

    /** Of {@code ids}, the movies stored (created) up to {@code until}. */
    List<Long> storedUntil(List<Long> ids, Instant until) {
        return database.sql("select provider_id from media_item where media_type = 'MOVIE' and provider_id = any(?) and created_at <= ?")
                .params(ids.stream().mapToLong(Long::longValue).toArray(), java.sql.Timestamp.from(until)).query(Long.class).list();
    }

    /** Of {@code ids}, the stored movies without a vector (of any model) yet. */
    long withoutVector(List<Long> ids) {
        return database.sql("""
                        select count(*) from media_item m where m.media_type = 'MOVIE' and m.provider_id = any(?)
                           and not exists (select 1 from item_embedding e where e.media_type = m.media_type and e.provider_id = m.provider_id)""")
                .param(ids.stream().mapToLong(Long::longValue).toArray()).query(Long.class).single();
    }

    /** Provider calls beyond one per movie, from the simulator's log of what it served. */
    static long fetchedAgain(Map<Long, Long> servedPerMovie) {
        return servedPerMovie.values().stream().mapToLong(times -> Math.max(0, times - 1)).sum();
    }

    static Map<Long, Long> count(List<Long> served) {
        return served.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting()));
    }
}
