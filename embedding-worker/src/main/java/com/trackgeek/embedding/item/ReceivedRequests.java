package com.trackgeek.embedding.item;

import com.trackgeek.contracts.EmbeddingLane;
import com.trackgeek.contracts.EmbeddingRequested;
import com.trackgeek.contracts.ErrorCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The {@code embedding_request} table: every request received, once, with what became of it. */
@Component
final class ReceivedRequests {

    /** How long a recorded failure is not retried (PostgreSQL interval). */
    static final String REMEMBERED = "5 minutes";

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

    /**
     * What is recorded of these requests: their deliveries so far (this one included) and, when an earlier
     * delivery failed them for good within {@link #REMEMBERED}, that failure. Within it, a delivery is the rest of a
     * batch coming again after a dead-lettered record; later, it is a replay after a fix, to be embedded again.
     */
    Map<UUID, Received> received(Collection<UUID> requestIds) {
        Map<UUID, Received> received = new HashMap<>();
        jdbc.query("""
                        select request_id, deliveries, outcome_code, outcome_detail,
                               outcome = 'failed' and processed_at > clock_timestamp() - cast(? as interval) as failed
                        from embedding_request
                        where request_id = any(?)""",
                rs -> {
                    received.put(rs.getObject("request_id", UUID.class), new Received(rs.getInt("deliveries"),
                            rs.getBoolean("failed"), rs.getString("outcome_code"), rs.getString("outcome_detail")));
                },
                REMEMBERED,
                (Object) requestIds.toArray(UUID[]::new));
        return received;
    }

    /** A request's record: {@code failed} when an earlier delivery recorded it failed (with its code and detail). */
    record Received(int deliveries, boolean failed, String code, String detail) {
    }

    void fail(Collection<UUID> requestIds, ErrorCode code, String detail) {
        jdbc.batchUpdate("""
                        update embedding_request set outcome = ?, outcome_code = ?, outcome_detail = ?, processed_at = clock_timestamp()
                        where request_id = ?""",
                requestIds.stream().map(id -> new Object[]{Outcome.FAILED.value(), code.name(), detail, id}).toList());
    }

    void complete(Collection<UUID> requestIds, Outcome outcome, String detail) {
        jdbc.batchUpdate("""
                        update embedding_request set outcome = ?, outcome_detail = ?, processed_at = clock_timestamp()
                        where request_id = ?""",
                requestIds.stream().map(id -> new Object[]{outcome.value(), detail, id}).toList());
    }
}
