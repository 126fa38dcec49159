package com.trackgeek.servicekit.items;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Title search over {@code media_item} (migration V5). The query and the titles are folded the same way
 * ({@code search_fold}: accents removed, lower case, every script kept). A row matches when the query is a
 * substring of its titles; when fewer than {@link #SIMILAR_BELOW} rows do, rows whose titles are
 * word-similar to the query also match (pg_trgm's {@code <%}: word similarity at least 0.6, the extension's
 * default), which forgives small misspellings. Both are served by the trigram index; the similarity test is
 * left out for queries that plainly exist because it is what costs: its index candidates for a common word
 * are many, and each needs the similarity computed. Queries shorter than {@link #MIN_SUBSTRING_LENGTH}
 * characters have no trigram to look a substring up by, so they match by word similarity alone (a title
 * word starting or ending with them).
 *
 * <p>Ranking, cheap enough to apply to every match of a common word: the main title equal to the query,
 * then starting with it, then containing it, then a match on an alternative title only, then word-similar
 * matches, most similar first (the similarity is computed for those rows only); within each, the shorter
 * (closer) title first; then type and id, so equal hits keep a stable order
 * across pages. Each hit of the page gets a {@code score} (0..1) for the caller to judge its quality: the
 * word similarity of the query to the main title, or {@link #ALTERNATIVE_TITLE_WEIGHT} times its word
 * similarity to all the titles when that is higher.
 */
public final class CatalogSearch {

    /** How much less a match on an alternative title counts than the same match on the main title. */
    public static final double ALTERNATIVE_TITLE_WEIGHT = 0.9;

    /** pg_trgm extracts no trigram from a shorter LIKE pattern, so such a substring search scans the index. */
    static final int MIN_SUBSTRING_LENGTH = 3;

    /** Fewer substring matches than this (a page's default size) and word-similar titles match too. */
    public static final int SIMILAR_BELOW = 20;

    private static final String SEARCH = """
            with query as (
                select search_fold(:q) as q,
                       '%%' || replace(replace(replace(search_fold(:q), '\\', '\\\\'), '%%', '\\%%'), '_', '\\_')
                            || '%%' as pattern
            ),
            hits as (
                select i.media_type, i.provider_id, i.search_title, i.search_text,
                       case when i.search_title = query.q then 0
                            when i.search_title like ltrim(query.pattern, '%%') then 1
                            when i.search_title like query.pattern then 2
                            when i.search_text like query.pattern then 3
                            else 4 end as rank,
                       case when i.search_text like query.pattern then 0
                            else 1 - greatest(word_similarity(query.q, i.search_title),
                                              %2$s * word_similarity(query.q, i.search_text)) end as distance,
                       count(*) over () as total
                  from media_item i, query
                 where (%1$s)
                   and i.media_type = any(:types)
                 order by rank, distance, length(i.search_title), i.media_type, i.provider_id
                 limit :limit offset :offset
            )
            select h.media_type, h.provider_id, h.total, i.title, i.alternative_titles, i.release_year, i.image_url,
                   i.release_status, i.partial, s.status as sync_status, s.last_synced_at,
                   greatest(word_similarity(query.q, h.search_title),
                            %2$s * word_similarity(query.q, h.search_text)) as score
              from hits h
             cross join query
              join media_item i on i.media_type = h.media_type and i.provider_id = h.provider_id
              left join sync_state s on s.media_type = h.media_type and s.provider_id = h.provider_id
             order by h.rank, h.distance, length(h.search_title), h.media_type, h.provider_id
            """;
    private static final String SUBSTRING = "i.search_text like query.pattern";
    private static final String SIMILAR = "query.q <% i.search_text";
    private static final String BY_SUBSTRING = SEARCH.formatted(SUBSTRING, ALTERNATIVE_TITLE_WEIGHT);
    private static final String BY_SUBSTRING_OR_SIMILARITY =
            SEARCH.formatted(SUBSTRING + " or " + SIMILAR, ALTERNATIVE_TITLE_WEIGHT);
    private static final String BY_SIMILARITY = SEARCH.formatted(SIMILAR, ALTERNATIVE_TITLE_WEIGHT);

    private final JdbcClient jdbc;

    public CatalogSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page of the stored items of {@code types} whose titles match {@code query}, best first.
     *
     * @param offset hits to skip (page - 1) * limit
     */
    public SearchPage search(String query, Collection<MediaType> types, long offset, int limit) {
        if (query.codePointCount(0, query.length()) < MIN_SUBSTRING_LENGTH) {
            return run(BY_SIMILARITY, query, types, offset, limit);
        }
        SearchPage bySubstring = run(BY_SUBSTRING, query, types, offset, limit);
        return bySubstring.total() >= SIMILAR_BELOW ? bySubstring
                : run(BY_SUBSTRING_OR_SIMILARITY, query, types, offset, limit);
    }

    private SearchPage run(String sql, String query, Collection<MediaType> types, long offset, int limit) {
        AtomicLong total = new AtomicLong();
        List<SearchHit> hits = new ArrayList<>();
        jdbc.sql(sql)
                .param("q", query)
                .param("types", types.stream().map(MediaType::name).toArray(String[]::new))
                .param("limit", limit)
                .param("offset", offset)
                .query(rs -> {
                    total.set(rs.getLong("total"));
                    hits.add(hit(rs));
                });
        if (hits.isEmpty() && offset > 0) {
            // Past the last page: the window function had no row to report the total on; the first page has.
            return new SearchPage(hits, run(sql, query, types, 0, 1).total());
        }
        return new SearchPage(hits, total.get());
    }

    private static SearchHit hit(ResultSet rs) throws SQLException {
        MediaType type = MediaType.valueOf(rs.getString("media_type"));
        Array alternatives = rs.getArray("alternative_titles");
        Integer year = rs.getObject("release_year", Integer.class);
        OffsetDateTime synced = rs.getObject("last_synced_at", OffsetDateTime.class);
        return new SearchHit(MediaKey.of(type, rs.getLong("provider_id")), rs.getString("title"),
                alternatives == null ? List.of() : Arrays.asList((String[]) alternatives.getArray()),
                year, rs.getString("image_url"), rs.getString("release_status"), rs.getBoolean("partial"),
                rs.getDouble("score"), rs.getString("sync_status"), synced == null ? null : synced.toInstant());
    }

    /**
     * A stored item as a search shows it.
     *
     * @param score      the ranking score, 0..1 (see the class comment)
     * @param syncStatus the item's {@code sync_state.status}, or null if it has none
     */
    public record SearchHit(MediaKey key, String title, List<String> alternativeTitles, Integer year, String image,
                            String status, boolean partial, double score, String syncStatus, Instant lastSyncedAt) {
    }

    /** One page of hits and how many there are in all. */
    public record SearchPage(List<SearchHit> hits, long total) {
    }
}
