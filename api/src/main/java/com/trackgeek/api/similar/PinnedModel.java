package com.trackgeek.api.similar;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * The operator's pinned model ({@code similar_model_choice}, at most one row), shared by every API instance: one
 * pins on any instance, the others follow at their next evaluation.
 */
@Component
final class PinnedModel {

    /** @param chosenBy the API key's name that pinned it */
    record Pin(String model, Instant chosenAt, String chosenBy) {
    }

    private final JdbcClient jdbc;

    PinnedModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Pin> find() {
        return jdbc.sql("select model, chosen_at, chosen_by from similar_model_choice")
                .query((rs, n) -> new Pin(rs.getString("model"), rs.getTimestamp("chosen_at").toInstant(),
                        rs.getString("chosen_by")))
                .optional();
    }

    void pin(String model, String chosenBy) {
        jdbc.sql("""
                        insert into similar_model_choice (singleton, model, chosen_at, chosen_by)
                        values (true, :model, now(), :by)
                        on conflict (singleton) do update set model = excluded.model, chosen_at = excluded.chosen_at,
                                                              chosen_by = excluded.chosen_by""")
                .param("model", model)
                .param("by", chosenBy)
                .update();
    }

    void unpin() {
        jdbc.sql("delete from similar_model_choice").update();
    }
}
