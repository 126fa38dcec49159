package com.trackgeek.sync.search;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.ProviderSearchRequested;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The worker's side of {@code provider_search} (migration V6): it writes the answer into the row the API
 * claimed for the search, and only while the row is still that search's ({@code search_id}) and running, so a
 * late or repeated command never overwrites a newer answer. Each method is one statement in the caller's
 * transaction.
 */
@Component
class ProviderSearchAnswers {

    private static final String THE_ROW = " where media_type = :type and query = :query and page = :page"
            + " and page_size = :limit and search_id = :searchId";

    private final JdbcClient jdbc;

    ProviderSearchAnswers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The search's row as the command finds it; empty when the row is gone or another search has taken it. */
    Optional<SearchRow> find(ProviderSearchRequested search) {
        return bind(jdbc.sql("select status, unannounced_ids from provider_search" + THE_ROW), search)
                .query((rs, row) -> new SearchRow(rs.getString("status"), ids(rs.getArray("unannounced_ids"))))
                .optional();
    }

    /**
     * @param providerIds the hits in the provider's order
     * @param newIds      the hits stored for the first time by this search: their follow-ups are still to publish
     * @return false when the row is no longer this search's, or no longer running
     */
    boolean answer(ProviderSearchRequested search, List<Long> providerIds, Long total, boolean hasMore, List<Long> newIds) {
        return bind(jdbc.sql("""
                        update provider_search
                           set status = 'done', provider_ids = :ids, total = :total, has_more = :hasMore,
                               unannounced_ids = :newIds, error_code = null, error_detail = null, answered_at = now()
                        """ + THE_ROW + " and status = 'running'"), search)
                .param("ids", longs(providerIds))
                .param("total", total)
                .param("hasMore", hasMore)
                .param("newIds", longs(newIds))
                .update() == 1;
    }

    /** @return false when the row is no longer this search's, or no longer running */
    boolean fail(ProviderSearchRequested search, ErrorCode code, String detail) {
        return bind(jdbc.sql("""
                        update provider_search
                           set status = 'failed', error_code = :code, error_detail = :detail, answered_at = now()
                        """ + THE_ROW + " and status = 'running'"), search)
                .param("code", code.name())
                .param("detail", detail)
                .update() == 1;
    }

    /** The follow-ups of the search's new hits are in Kafka. */
    void announced(ProviderSearchRequested search) {
        bind(jdbc.sql("update provider_search set unannounced_ids = '{}'" + THE_ROW), search).update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, ProviderSearchRequested search) {
        return statement.param("type", search.type().name())
                .param("query", search.query())
                .param("page", search.page())
                .param("limit", search.limit())
                .param("searchId", search.searchId());
    }

    private static long[] longs(List<Long> ids) {
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private static List<Long> ids(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
    }

    /** @param unannouncedIds new hits whose follow-ups are not yet known to be in Kafka */
    record SearchRow(String status, List<Long> unannouncedIds) {

        boolean running() {
            return "running".equals(status);
        }

        boolean done() {
            return "done".equals(status);
        }
    }
}
