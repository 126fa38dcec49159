package com.trackgeek.servicekit.items;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.catalog.CatalogItem;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one item store ({@code media_item}): every media type's items as documents of their catalog record,
 * with the queried columns derived from the record. The sync worker writes through it, the API and the
 * embedding worker read through it; none of them names a type's fields.
 */
public final class MediaItemStore {

    /** The document shape version this build writes; readers of a newer one still read what they know. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * A full write always wins and clears {@code partial}; a partial write (a provider's search hit) only
     * inserts or refreshes a row that is itself partial, so it never overwrites a full item.
     */
    private static final String UPSERT = """
            with previous as (
                select document from media_item where media_type = :type and provider_id = :id and not partial
            )
            insert into media_item (media_type, provider_id, schema_version, document, title, alternative_titles,
                                    release_status, released_on, release_year, image_url, partial, last_refreshed_at)
            values (:type, :id, :version, :document::jsonb, :title, :alternativeTitles, :releaseStatus, :releasedOn,
                    :releaseYear, :imageUrl, :partial, now())
            on conflict (media_type, provider_id) do update set
                schema_version = excluded.schema_version, document = excluded.document, title = excluded.title,
                alternative_titles = excluded.alternative_titles, release_status = excluded.release_status,
                released_on = excluded.released_on, release_year = excluded.release_year,
                image_url = excluded.image_url, partial = excluded.partial,
                last_refreshed_at = excluded.last_refreshed_at, updated_at = now()
            where media_item.partial or not excluded.partial
            returning (xmax = 0) as inserted,
                      coalesce((select previous.document = :document::jsonb from previous), false) as unchanged,
                      coalesce((select previous.document - cast(:volatile as text[])
                                       = :document::jsonb - cast(:volatile as text[]) from previous), false) as unchanged_but_volatile
            """;

    private final JdbcClient jdbc;

    public MediaItemStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the item or overwrites the provider's data of the stored one, keeping {@code created_at}:
     * writing the same item twice leaves one row. A full item completes a partial row. Runs in the caller's
     * transaction.
     *
     * @return true when the stored document changed (a new item, a partial one completed, other data); false
     *         when a full item with exactly this document was stored already (a bulk job reports it unchanged)
     */
    public boolean upsert(CatalogItem item) {
        return store(item) != Change.UNCHANGED;
    }

    /**
     * What a full write changed, against the full item stored before it: the freshness policy backs off an item
     * whose refreshes keep finding nothing new.
     */
    public enum Change {
        /** A new item, a partial one completed, or other data than its {@linkplain CatalogItem#volatileFields() volatile fields}. */
        CHANGED,
        /** Only score, rank, popularity and the like ({@link CatalogItem#volatileFields()}) moved. */
        ONLY_VOLATILE,
        /** Exactly the stored document. */
        UNCHANGED;

        /** A change other than score or popularity. */
        public boolean real() {
            return this == CHANGED;
        }
    }

    /**
     * {@link #upsert} that says what changed: the documents are compared as jsonb in the same statement, once
     * whole and once without the record's volatile top-level fields.
     */
    public Change store(CatalogItem item) {
        return write(item, false)
                .map(write -> write.unchanged() ? Change.UNCHANGED : write.unchangedButVolatile() ? Change.ONLY_VOLATILE : Change.CHANGED)
                .orElse(Change.CHANGED);
    }

    /** What a partial write did. */
    public enum PartialWrite {
        /** The item was not stored before: its row is new, and partial. */
        INSERTED,
        /** A partial row took the newer hit's values. */
        UPDATED,
        /** A full item is stored; it was left untouched. */
        KEPT_FULL
    }

    /**
     * Stores what a provider's search result says about an item, marked partial until a full fetch completes
     * it ({@link #upsert}). A stored full item is left untouched.
     *
     * @return whether the row is new, refreshed, or a full item left as it was
     */
    public PartialWrite upsertPartial(CatalogItem item) {
        return write(item, true).map(write -> write.inserted() ? PartialWrite.INSERTED : PartialWrite.UPDATED)
                .orElse(PartialWrite.KEPT_FULL);
    }

    /**
     * What one write did: the row inserted (or updated), and whether a full item with the same document was
     * stored before it (jsonb equality: key order and formatting do not count).
     */
    private record Write(boolean inserted, boolean unchanged, boolean unchangedButVolatile) {
    }

    /** @return what the write did; empty when it was refused (a partial write over a full item) */
    private Optional<Write> write(CatalogItem item, boolean partial) {
        MediaKey key = item.key();
        if (item.title() == null || item.title().isBlank()) {
            throw new IllegalArgumentException(key + " has no title; an item without one is not stored");
        }
        return jdbc.sql(UPSERT)
                .param("type", key.type().name())
                .param("id", key.id())
                .param("version", SCHEMA_VERSION)
                .param("document", CatalogJson.write(item))
                .param("title", item.title())
                .param("alternativeTitles", item.alternativeTitles().toArray(String[]::new))
                .param("releaseStatus", item.releaseStatus())
                .param("releasedOn", item.releasedOn())
                .param("releaseYear", item.releaseYear())
                .param("imageUrl", item.image())
                .param("partial", partial)
                .param("volatile", item.volatileFields().toArray(String[]::new))
                // xmax is 0 on a row version no transaction has replaced: the insert's own (PostgreSQL's
                // documented way for RETURNING to tell an insert from an ON CONFLICT update).
                .query((rs, row) -> new Write(rs.getBoolean("inserted"), rs.getBoolean("unchanged"),
                        rs.getBoolean("unchanged_but_volatile")))
                .optional();
    }

    /** Whether the stored item is only a search hit so far; empty if it is not stored. */
    public Optional<Boolean> isPartial(MediaKey key) {
        return jdbc.sql("select partial from media_item where media_type = :type and provider_id = :id")
                .param("type", key.type().name())
                .param("id", key.id())
                .query(Boolean.class)
                .optional();
    }

    /** The stored item with its row times and sync state (freshness and tombstone included), in one query. */
    public Optional<StoredItem> find(MediaKey key) {
        return jdbc.sql("""
                        select i.document::text as document, i.partial, i.last_refreshed_at, i.created_at, i.updated_at,
                               s.status as sync_status, s.last_synced_at, s.stale_after, s.gone_at
                          from media_item i
                          left join sync_state s on s.media_type = i.media_type and s.provider_id = i.provider_id
                         where i.media_type = :type and i.provider_id = :id""")
                .param("type", key.type().name())
                .param("id", key.id())
                .query((rs, row) -> new StoredItem(
                        CatalogJson.read(key.type(), rs.getString("document")), rs.getBoolean("partial"),
                        instant(rs, "last_refreshed_at"), instant(rs, "created_at"), instant(rs, "updated_at"),
                        rs.getString("sync_status"), instant(rs, "last_synced_at"), instant(rs, "stale_after"),
                        instant(rs, "gone_at")))
                .optional();
    }

    public boolean exists(MediaKey key) {
        return jdbc.sql("select exists (select 1 from media_item where media_type = :type and provider_id = :id)")
                .param("type", key.type().name())
                .param("id", key.id())
                .query(Boolean.class)
                .single();
    }

    /**
     * The stored items among {@code keys}; keys not stored are absent.
     *
     * @param lockRows lock the rows against updates until the caller's transaction ends (taken in key order,
     *                 so concurrent lockers cannot deadlock)
     */
    public Map<MediaKey, CatalogItem> load(Collection<MediaKey> keys, boolean lockRows) {
        Map<MediaType, List<Long>> idsByType = new EnumMap<>(MediaType.class);
        keys.forEach(key -> idsByType.computeIfAbsent(key.type(), type -> new ArrayList<>()).add(key.id()));
        Map<MediaKey, CatalogItem> items = new HashMap<>();
        idsByType.forEach((type, ids) -> jdbc.sql("""
                        select provider_id, document::text as document from media_item
                         where media_type = :type and provider_id = any(:ids)
                         order by provider_id""" + (lockRows ? " for share" : ""))
                .param("type", type.name())
                .param("ids", ids.stream().mapToLong(Long::longValue).toArray())
                .query(rs -> {
                    items.put(MediaKey.of(type, rs.getLong("provider_id")), CatalogJson.read(type, rs.getString("document")));
                }));
        return items;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
