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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Title search over {@code media_item} (migrations V5 and V7). The query and the titles are folded the same
 * way ({@code search_fold}: accents removed, lower case, every script kept). A row matches when the query is
 * a substring of its titles; when fewer than {@link #SIMILAR_BELOW} rows do, rows whose titles are
 * word-similar to the query also match (pg_trgm's {@code <%}: word similarity at least 0.6, the extension's
 * default), which forgives small misspellings. Queries shorter than {@link #MIN_SUBSTRING_LENGTH} characters
 * have no trigram to look a substring up by, so they match by word similarity alone (a title word starting or
 * ending with them).
 *
 * <p>Ranking: the main title starting with the query (the one equal to it first, being the shortest), then
 * containing it, then a match on an alternative title only, then word-similar matches, most similar first;
 * within each, the shorter (closer) title first; then type and id, so equal hits keep a stable order across
 * pages. Each hit of the page gets a {@code score} (0..1) for the caller to judge its quality: the word
 * similarity of the query to the main title, or {@link #ALTERNATIVE_TITLE_WEIGHT} times its word similarity
 * to all the titles when that is higher.
 *
 * <p>Totals: substring matches are counted exactly up to {@link #COUNTED_UP_TO}, word-similar ones up to
 * {@link #SIMILAR_RANKED}; above either the total is a lower bound ({@link SearchPage#totalExact()} false),
 * the same on every page of the search.
 *
 * <p>Why it is shaped so (issue #7: p95 <= 20 ms with 100,000 items on two cores). What costs is reading the
 * trigram index's posting lists, which for common trigrams span much of the catalog; reading, checking and
 * sorting each matching row (a common word matches thousands); and word similarity, several microseconds a
 * row. So:
 * <ul>
 *   <li>a type's search names its type as a literal, which lets PostgreSQL read that type's own trigram index
 *       (V7), a sixth of the global one;</li>
 *   <li>when the main titles starting with the query fill the page (a common word: they rank first), they
 *       come sorted from a range of the btree index on {@code search_title} (V7) without reading the rows,
 *       and the other matches are only counted, up to the bound; only a page beyond them ranks every
 *       substring match;</li>
 *   <li>substring matches are ranked without any similarity: one {@code strpos} on the title; only the page's
 *       hits get a score;</li>
 *   <li>the similarity test runs only when the substring matches are few, in a statement of its own that
 *       skips the substring matches already known, and ranks at most {@link #SIMILAR_RANKED} word-similar
 *       rows: the first the index finds (storage order), not the most similar of all. A misspelt common word
 *       is word-similar to thousands of titles, and ranking them all cost tens of milliseconds; above the
 *       bound the page is the best of those {@link #SIMILAR_RANKED} rows.</li>
 * </ul>
 */
public final class CatalogSearch {

    /** How much less a match on an alternative title counts than the same match on the main title. */
    public static final double ALTERNATIVE_TITLE_WEIGHT = 0.9;

    /** pg_trgm extracts no trigram from a shorter LIKE pattern, so such a substring search scans the index. */
    static final int MIN_SUBSTRING_LENGTH = 3;

    /** Fewer substring matches than this (a page's default size) and word-similar titles match too. */
    public static final int SIMILAR_BELOW = 20;

    /** At most this many word-similar rows are ranked (and counted) for one search; see the class comment. */
    public static final int SIMILAR_RANKED = 100;

    /** Substring matches are counted up to this many; a total above it is "at least" this. */
    public static final int COUNTED_UP_TO = 500;

    private static final Set<MediaType> EVERY_TYPE = Set.of(MediaType.values());

    private static final String QUERY = """
            with query as (
                select search_fold(:q) as q,
                       '%%' || replace(replace(replace(search_fold(:q), '\\', '\\\\'), '%%', '\\%%'), '_', '\\_')
                            || '%%' as pattern
            )""";

    /** Rank of a row whose titles contain the query: 1 main title starts with it, 2 contains it, 3 neither. */
    private static final String SUBSTRING_RANK = "case strpos(i.search_title, query.q) when 0 then 3 when 1 then 1 else 2 end";

    /** The word-similar rank: after every substring match. */
    private static final int SIMILAR_RANK = 4;

    private static final String SCORE = "greatest(word_similarity(query.q, i.search_title), "
            + ALTERNATIVE_TITLE_WEIGHT + " * word_similarity(query.q, i.search_text))";

    /**
     * The page of the rows whose main title starts with the query, each row with the number of them. The btree
     * index on search_title (V7) finds them in a range and holds all that is read here, so the rows themselves
     * are not read; a bound just above every string that starts with the query makes the range.
     */
    private static final String BY_TITLE_START = QUERY + """
            ,
            hits as (
                select i.media_type, i.provider_id, i.search_title, 1 as rank, count(*) over () as total
                  from media_item i, query
                 where i.search_title ~>=~ query.q
                   and i.search_title ~<~ (query.q || chr(1114111))
                   and starts_with(i.search_title, query.q)
                   and %1$s
                 order by length(i.search_title), i.media_type, i.provider_id
                 limit :limit offset :offset
            )
            """ + page("hits", SCORE, "length(h.search_title), h.media_type, h.provider_id");

    /** How many rows contain the query, counted up to one more than COUNTED_UP_TO. */
    private static final String COUNT_SUBSTRING = QUERY + """
            select count(*) as total
              from (select 1
                      from media_item i, query
                     where i.search_text like query.pattern
                       and %1$s
                     limit %2$d) i
            """;

    /** The page of the substring matches, each row with the number of them all. %1$s: the type condition. */
    private static final String BY_SUBSTRING = QUERY + """
            ,
            hits as (
                select i.media_type, i.provider_id, i.search_title, %2$s as rank,
                       count(*) over () as total
                  from media_item i, query
                 where i.search_text like query.pattern
                   and %1$s
                 order by rank, length(i.search_title), i.media_type, i.provider_id
                 limit :limit offset :offset
            )
            """ + page("hits", SCORE, "h.rank, length(h.search_title), h.media_type, h.provider_id");

    /**
     * The page of the word-similar rows, each with the number of them (at most SIMILAR_RANKED). %1$s: the type
     * condition; %3$s: whether to leave out the substring matches (known from BY_SUBSTRING) or rank them first
     * (a short query, which has no substring search of its own).
     */
    private static final String BY_SIMILARITY = QUERY + """
            ,
            candidates as (
                select i.media_type, i.provider_id, i.search_title, i.search_text,
                       case when strpos(i.search_text, query.q) = 0 then %4$d else %2$s end as rank
                  from media_item i, query
                 where query.q <%% i.search_text
                   and %1$s
                   and (%3$s or strpos(i.search_text, query.q) = 0)
                 limit %5$d
            ),
            hits as (
                select i.media_type, i.provider_id, i.search_title, i.rank, %6$s as score, count(*) over () as total
                  from candidates i, query
            ),
            ranked as (
                select h.*, case when h.rank < %4$d then 0 else 1 - h.score end as distance
                  from hits h
                 order by rank, distance, length(h.search_title), h.media_type, h.provider_id
                 limit :limit offset :offset
            )
            """ + page("ranked", "h.score", "h.rank, h.distance, length(h.search_title), h.media_type, h.provider_id");

    private final JdbcClient jdbc;
    private final Statements everyType;
    private final Statements someTypes;
    private final Map<MediaType, Statements> oneType = new EnumMap<>(MediaType.class);

    public CatalogSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.everyType = new Statements("true");
        this.someTypes = new Statements("i.media_type = any(:types)");
        for (MediaType type : MediaType.values()) {
            // The enum's name, never a caller's text: safe as a literal, and what lets the planner prove the
            // partial index's predicate (a parameter would not).
            oneType.put(type, new Statements("i.media_type = '" + type.name() + "'"));
        }
    }

    /**
     * One page of the stored items of {@code types} whose titles match {@code query}, best first.
     *
     * @param offset hits to skip (page - 1) * limit
     */
    public SearchPage search(String query, Collection<MediaType> types, long offset, int limit) {
        Statements sql = statementsFor(types);
        if (query.codePointCount(0, query.length()) < MIN_SUBSTRING_LENGTH) {
            Rows similar = sql.similarOnly().run(jdbc, query, types, offset, limit);
            return new SearchPage(similar.hits(), similar.total(), similar.total() < SIMILAR_RANKED);
        }
        Rows starting = sql.byTitleStart().run(jdbc, query, types, offset, limit);
        if (starting.total() >= offset + limit) {
            // The page is all main titles starting with the query: the other matches need only counting, and
            // not even that when these alone are more than the count goes to.
            long contained = starting.total() > COUNTED_UP_TO ? starting.total()
                    : sql.countSubstring().count(jdbc, query, types);
            if (contained >= SIMILAR_BELOW) {
                return counted(starting.hits(), contained);
            }
        }
        Rows contained = sql.bySubstring().run(jdbc, query, types, offset, limit);
        if (contained.total() >= SIMILAR_BELOW) {
            return counted(contained.hits(), contained.total());
        }
        // Every substring match ranks before every similar one: the page goes on with the similar rows from
        // where the substring matches end. A page already full of substring matches still needs their count.
        long similarOffset = Math.max(0, offset - contained.total());
        int similarLimit = limit - contained.hits().size();
        Rows similar = sql.similarAfterSubstring().run(jdbc, query, types, similarOffset, Math.max(similarLimit, 1));
        List<SearchHit> hits = new ArrayList<>(contained.hits());
        if (similarLimit > 0) {
            hits.addAll(similar.hits());
        }
        return new SearchPage(hits, contained.total() + similar.total(), similar.total() < SIMILAR_RANKED);
    }

    /** Substring matches, counted up to COUNTED_UP_TO whatever their number, so every page tells the same. */
    private static SearchPage counted(List<SearchHit> hits, long contained) {
        return new SearchPage(hits, Math.min(contained, COUNTED_UP_TO), contained <= COUNTED_UP_TO);
    }

    private Statements statementsFor(Collection<MediaType> types) {
        if (types.size() == 1) {
            return oneType.get(types.iterator().next());
        }
        return types.containsAll(EVERY_TYPE) ? everyType : someTypes;
    }

    /** The page's rows of {@code hits} with what a hit shows, in {@code order}. */
    private static String page(String hits, String score, String order) {
        return """
                select h.media_type, h.provider_id, h.total, i.title, i.alternative_titles, i.release_year,
                       i.image_url, i.release_status, i.partial, s.status as sync_status, s.last_synced_at,
                       %s as score
                  from %s h
                 cross join query
                  join media_item i on i.media_type = h.media_type and i.provider_id = h.provider_id
                  left join sync_state s on s.media_type = h.media_type and s.provider_id = h.provider_id
                 order by %s
                """.formatted(score, hits, order);
    }

    /**
     * The stored items among {@code keys} as a search shows them (score 0: they were not matched here, e.g. a
     * provider's hits); keys not stored are absent.
     */
    public Map<MediaKey, SearchHit> summaries(Collection<MediaKey> keys) {
        Map<MediaKey, SearchHit> hits = new HashMap<>();
        if (keys.isEmpty()) {
            return hits;
        }
        jdbc.sql("""
                        select i.media_type, i.provider_id, i.title, i.alternative_titles, i.release_year, i.image_url,
                               i.release_status, i.partial, 0 as score, s.status as sync_status, s.last_synced_at
                          from unnest(cast(:types as text[]), cast(:ids as bigint[])) as k(media_type, provider_id)
                          join media_item i on i.media_type = k.media_type and i.provider_id = k.provider_id
                          left join sync_state s on s.media_type = i.media_type and s.provider_id = i.provider_id""")
                .param("types", keys.stream().map(key -> key.type().name()).toArray(String[]::new))
                .param("ids", keys.stream().mapToLong(MediaKey::id).toArray())
                .query(rs -> {
                    SearchHit hit = hit(rs);
                    hits.put(hit.key(), hit);
                });
        return hits;
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

    /** One search statement, and whether it names the types by parameter (or as a literal, or not at all). */
    private record Statement(String sql, boolean typesParameter) {

        Rows run(JdbcClient jdbc, String query, Collection<MediaType> types, long offset, int limit) {
            AtomicLong total = new AtomicLong();
            List<SearchHit> hits = new ArrayList<>();
            bind(jdbc, query, types).param("limit", limit).param("offset", offset).query(rs -> {
                total.set(rs.getLong("total"));
                hits.add(hit(rs));
            });
            if (hits.isEmpty() && offset > 0) {
                // Past the last page: the window function had no row to report the total on; the first page has.
                return new Rows(hits, run(jdbc, query, types, 0, 1).total());
            }
            return new Rows(hits, total.get());
        }

        long count(JdbcClient jdbc, String query, Collection<MediaType> types) {
            return bind(jdbc, query, types).query(Long.class).single();
        }

        private JdbcClient.StatementSpec bind(JdbcClient jdbc, String query, Collection<MediaType> types) {
            JdbcClient.StatementSpec statement = jdbc.sql(sql).param("q", query);
            if (typesParameter) {
                statement = statement.param("types", types.stream().map(MediaType::name).toArray(String[]::new));
            }
            return statement;
        }
    }

    /** One statement's page of hits and the number of rows it ranked. */
    private record Rows(List<SearchHit> hits, long total) {
    }

    /** The searches for one way of naming the types (see the constructor). */
    private record Statements(Statement byTitleStart, Statement countSubstring, Statement bySubstring,
                              Statement similarAfterSubstring, Statement similarOnly) {

        Statements(String typeCondition) {
            this(new Statement(BY_TITLE_START.formatted(typeCondition), names(typeCondition)),
                    new Statement(COUNT_SUBSTRING.formatted(typeCondition, COUNTED_UP_TO + 1), names(typeCondition)),
                    new Statement(BY_SUBSTRING.formatted(typeCondition, SUBSTRING_RANK), names(typeCondition)),
                    similar(typeCondition, false), similar(typeCondition, true));
        }

        private static Statement similar(String typeCondition, boolean rankSubstringMatches) {
            return new Statement(BY_SIMILARITY.formatted(typeCondition, SUBSTRING_RANK, rankSubstringMatches,
                    SIMILAR_RANK, SIMILAR_RANKED, SCORE), names(typeCondition));
        }

        private static boolean names(String typeCondition) {
            return typeCondition.contains(":types");
        }
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

    /**
     * One page of hits and how many there are in all.
     *
     * @param totalExact false when {@code total} is a lower bound: more word-similar rows than
     *                   {@link #SIMILAR_RANKED} matched, and only that many were counted (see the class comment)
     */
    public record SearchPage(List<SearchHit> hits, long total, boolean totalExact) {

        /** A page whose total is exact. */
        public SearchPage(List<SearchHit> hits, long total) {
            this(hits, total, true);
        }
    }
}
