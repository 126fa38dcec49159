package com.trackgeek.api.similar;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What PostgreSQL says about the stored models: their counts, and whether one covers another's items. */
@Component
final class StoredModels {

    private final JdbcClient jdbc;

    StoredModels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every model with at least one stored vector (the (model, embedded_at) index answers it). */
    List<ModelStats> stats() {
        return jdbc.sql("select model, count(*) as vectors, max(embedded_at) as latest from item_embedding group by model"
                        + " order by model")
                .query((rs, n) -> new ModelStats(rs.getString("model"), rs.getLong("vectors"),
                        rs.getTimestamp("latest").toInstant()))
                .list();
    }

    /** Whether {@code candidate} has a vector for every item that has one of {@code base}; stops at the first gap. */
    boolean covers(String candidate, String base) {
        return jdbc.sql("""
                        select not exists (
                            select 1 from item_embedding b
                             where b.model = :base
                               and not exists (select 1 from item_embedding c
                                                where c.media_type = b.media_type and c.provider_id = b.provider_id
                                                  and c.model = :candidate))""")
                .param("base", base)
                .param("candidate", candidate)
                .query(Boolean.class)
                .single();
    }

    /** Per model, how many stored catalog items have a vector of it. */
    Map<String, Long> storedItemsCovered() {
        Map<String, Long> covered = new HashMap<>();
        jdbc.sql("""
                        select e.model, count(*) as items from item_embedding e
                          join media_item m on m.media_type = e.media_type and m.provider_id = e.provider_id
                         group by e.model""")
                .query(rs -> {
                    covered.put(rs.getString("model"), rs.getLong("items"));
                });
        return covered;
    }

    long catalogItems() {
        return jdbc.sql("select count(*) from media_item").query(Long.class).single();
    }
}
