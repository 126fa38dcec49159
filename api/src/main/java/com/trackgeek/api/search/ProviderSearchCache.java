package com.trackgeek.api.search;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The API's side of {@code provider_search} (migration V6): the providers' answers shared by every API instance
 * for {@code cache-ttl}, and the claim that makes one search of a key, among all instances and callers, the one
 * that asks the provider. The query is normalised in the database, with the same folding the title search uses
 * ({@code search_fold}: case and accents) and white space collapsed, so "Pokémon  X" and "pokemon x" share a row.
 */
@Component
final class ProviderSearchCache {

    private static final String KEY = """
            with search_key as (
                select cast(:type as text) as media_type,
                       btrim(regexp_replace(search_fold(cast(:q as text)), '\\s+', ' ', 'g')) as query,
                       cast(:page as integer) as page, cast(:limit as integer) as page_size
            )""";

    private static final String COLUMNS = """
            media_type, query, page, page_size, search_id, status, provider_ids, total, has_more, error_code,
            error_detail, answered_at""";

    /**
     * Claims the row when it is missing, expired, failed long enough ago, or running past its bound; otherwise
     * returns it as it is. The statement's snapshot predates a row another caller inserted concurrently, in
     * which case it returns nothing and is run again.
     */
    private static final String LOOK_UP_OR_CLAIM = KEY + """
            , claimed as (
                insert into provider_search (media_type, query, page, page_size, search_id, status, requested_at)
                select media_type, query, page, page_size, :searchId, 'running', now() from search_key
                on conflict (media_type, query, page, page_size) do update
                   set search_id = excluded.search_id, status = 'running', provider_ids = null, total = null,
                       has_more = null, error_code = null, error_detail = null, requested_at = now(), answered_at = null
                 where (provider_search.status = 'done' and provider_search.answered_at < now() - cast(:cacheTtl as interval))
                    or (provider_search.status = 'failed' and provider_search.answered_at < now() - cast(:failureTtl as interval))
                    or (provider_search.status = 'running' and provider_search.requested_at < now() - cast(:runningTimeout as interval))
                returning %1$s
            )
            select %1$s from claimed
            union all
            select %1$s from provider_search p
             where (p.media_type, p.query, p.page, p.page_size) = (select * from search_key)
               and not exists (select 1 from claimed)
            """.formatted(COLUMNS);

    /** The key's row if a search would use it as it is (answered, failed lately, or running), i.e. not claim it. */
    private static final String USABLE = KEY + """
            select %1$s from provider_search p
             where (p.media_type, p.query, p.page, p.page_size) = (select * from search_key)
               and not ((p.status = 'done' and p.answered_at < now() - cast(:cacheTtl as interval))
                     or (p.status = 'failed' and p.answered_at < now() - cast(:failureTtl as interval))
                     or (p.status = 'running' and p.requested_at < now() - cast(:runningTimeout as interval)))
            """.formatted(COLUMNS);

    private final JdbcClient jdbc;
    private final SearchProperties properties;

    ProviderSearchCache(JdbcClient jdbc, SearchProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The key's row: claimed for {@code searchId} (the caller then asks the provider), or as another left it. */
    ProviderSearchRow lookUpOrClaim(MediaType type, String query, int page, int limit, UUID searchId) {
        for (int attempt = 0; ; attempt++) {
            Optional<ProviderSearchRow> row = byKey(LOOK_UP_OR_CLAIM, type, query, page, limit)
                    .param("searchId", searchId)
                    .query(ProviderSearchCache::row)
                    .optional();
            if (row.isPresent()) {
                return row.get();
            }
            if (attempt == 2) {
                throw new IllegalStateException("provider_search row for " + type + " '" + query + "' neither claimed nor found");
            }
        }
    }

    /**
     * The key's row if {@link #lookUpOrClaim} would return it rather than claim it: a search that finds one asks no
     * provider, so it costs the client no quota.
     */
    Optional<ProviderSearchRow> usable(MediaType type, String query, int page, int limit) {
        return byKey(USABLE, type, query, page, limit).query(ProviderSearchCache::row).optional();
    }

    /** A statement of {@link #KEY} and the rows' lifetimes, with their parameters bound. */
    private JdbcClient.StatementSpec byKey(String sql, MediaType type, String query, int page, int limit) {
        return jdbc.sql(sql)
                .param("type", type.name())
                .param("q", query)
                .param("page", page)
                .param("limit", limit)
                .param("cacheTtl", interval(properties.cacheTtl()))
                .param("failureTtl", interval(properties.failureTtl()))
                .param("runningTimeout", interval(properties.runningTimeout()));
    }

    /** The row as it is now (another search may have taken it over meanwhile: then that one is waited for). */
    Optional<ProviderSearchRow> read(ProviderSearchRow row) {
        return jdbc.sql("select " + COLUMNS + " " + """
                         from provider_search
                        where media_type = :type and query = :query and page = :page and page_size = :limit""")
                .param("type", row.type().name())
                .param("query", row.query())
                .param("page", row.page())
                .param("limit", row.limit())
                .query(ProviderSearchCache::row)
                .optional();
    }

    /** The claimed search's command never reached Kafka: fail it, so nobody waits for it. */
    void failUnpublished(ProviderSearchRow row, String detail) {
        jdbc.sql("""
                        update provider_search
                           set status = 'failed', error_code = :code, error_detail = :detail, answered_at = now()
                         where media_type = :type and query = :query and page = :page and page_size = :limit
                           and search_id = :searchId and status = 'running'""")
                .param("code", ErrorCode.PIPELINE_UNAVAILABLE.name())
                .param("detail", detail)
                .param("type", row.type().name())
                .param("query", row.query())
                .param("page", row.page())
                .param("limit", row.limit())
                .param("searchId", row.searchId())
                .update();
    }

    /** Deletes answers no search will use again; returns how many. */
    int deleteExpired() {
        return jdbc.sql("""
                        delete from provider_search
                         where answered_at < now() - greatest(cast(:cacheTtl as interval), cast(:failureTtl as interval))""")
                .param("cacheTtl", interval(properties.cacheTtl()))
                .param("failureTtl", interval(properties.failureTtl()))
                .update();
    }

    private static ProviderSearchRow row(ResultSet rs, int rowNumber) throws SQLException {
        Array ids = rs.getArray("provider_ids");
        OffsetDateTime answeredAt = rs.getObject("answered_at", OffsetDateTime.class);
        String code = rs.getString("error_code");
        return new ProviderSearchRow(MediaType.valueOf(rs.getString("media_type")), rs.getString("query"),
                rs.getInt("page"), rs.getInt("page_size"), rs.getObject("search_id", UUID.class),
                ProviderSearchRow.Status.valueOf(rs.getString("status").toUpperCase()),
                ids == null ? List.of() : Arrays.asList((Long[]) ids.getArray()),
                rs.getObject("total", Long.class), rs.getBoolean("has_more"),
                code == null ? null : ErrorCode.parse(code), rs.getString("error_detail"),
                answeredAt == null ? null : answeredAt.toInstant());
    }

    private static String interval(java.time.Duration duration) {
        return duration.toMillis() + " milliseconds";
    }
}
