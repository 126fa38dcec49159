package com.trackgeek.embedding.item;

import com.trackgeek.contracts.EmbeddingLane;
import com.trackgeek.contracts.EmbeddingRequested;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.util.Collection;
import java.util.UUID;

/** The {@code embedding_request} table: every request received, once, with what became of it. */
@Component
final class ReceivedRequests {

    private final JdbcTemplate jdbc;

    ReceivedRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the requests as received on {@code lane} (the topic they came from, whatever lane they name).
     * A request id seen before counts one more delivery instead of adding a row.
     */
    void record(Collection<EmbeddingRequested> requests, EmbeddingLane lane) {
        jdbc.batchUpdate("""
                        insert into embedding_request (request_id, media_type, provider_id, lane, requested_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (request_id) do update set deliveries = embedding_request.deliveries + 1""",
                requests.stream().map(request -> new Object[]{
                        request.requestId(), request.item().type().name(), request.item().id(), lane.name(),
                        request.requestedAt().atOffset(ZoneOffset.UTC)}).toList());
    }

    void complete(Collection<UUID> requestIds, Outcome outcome, String detail) {
        jdbc.batchUpdate("""
                        update embedding_request set outcome = ?, outcome_detail = ?, processed_at = clock_timestamp()
                        where request_id = ?""",
                requestIds.stream().map(id -> new Object[]{outcome.value(), detail, id}).toList());
    }
}
