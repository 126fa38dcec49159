package com.trackgeek.pipeline;

import com.trackgeek.contracts.MediaType;
import com.trackgeek.testsupport.SharedInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** What is really stored, read with plain JDBC so the services' own code is not the judge of itself. */
final class Database {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Database() {
    }

    /** The stored document of an item, or a missing node when it is not stored. */
    static JsonNode document(MediaType type, long id) {
        try (Connection connection = connect();
             var statement = connection.prepareStatement("select document::text from media_item where media_type = ? and provider_id = ?")) {
            statement.setString(1, type.name());
            statement.setLong(2, id);
            var rows = statement.executeQuery();
            return rows.next() ? JSON.readTree(rows.getString(1)) : JSON.missingNode();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static int storedItems(MediaType type, Collection<Long> ids) {
        return count("select count(*) from media_item where media_type = ? and provider_id = any(?)", type, ids);
    }

    static int doneRequests(MediaType type, Collection<Long> ids) {
        return count("select count(*) from sync_request where media_type = ? and status = 'done' and provider_id = any(?)", type, ids);
    }

    static int unfinishedRequests(MediaType type, Collection<Long> ids) {
        return count("select count(*) from sync_request where media_type = ? and status in ('queued', 'running') and provider_id = any(?)",
                type, ids);
    }

    /** Whether the stored item is only a search hit so far; null when it is not stored. */
    static Boolean partial(MediaType type, long id) {
        try (Connection connection = connect();
             var statement = connection.prepareStatement("select partial from media_item where media_type = ? and provider_id = ?")) {
            statement.setString(1, type.name());
            statement.setLong(2, id);
            var rows = statement.executeQuery();
            return rows.next() ? rows.getBoolean(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The item's sync state and the code of its last failure, e.g. {@code failed MALFORMED_MESSAGE}. */
    static String syncState(MediaType type, long id) {
        try (Connection connection = connect();
             var statement = connection.prepareStatement("select status || ' ' || coalesce(last_error_code, '') from sync_state where media_type = ? and provider_id = ?")) {
            statement.setString(1, type.name());
            statement.setLong(2, id);
            var rows = statement.executeQuery();
            return rows.next() ? rows.getString(1).strip() : "";
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A bulk job's status and how many of its items are known and finished (have an outcome), as one snapshot. */
    record BulkProgress(String status, int items, int finished) {
    }

    /** The job's progress; empty while no worker has recorded the job. */
    static Optional<BulkProgress> bulkProgress(UUID jobId) {
        try (Connection connection = connect();
             var statement = connection.prepareStatement("""
                     select j.status,
                            (select count(*) from bulk_job_item i where i.job_id = j.id),
                            (select count(*) from bulk_job_item i where i.job_id = j.id and i.outcome is not null)
                       from bulk_job j where j.id = ?""")) {
            statement.setObject(1, jobId);
            var rows = statement.executeQuery();
            return rows.next() ? Optional.of(new BulkProgress(rows.getString(1), rows.getInt(2), rows.getInt(3))) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many of the job's items ended with each outcome ({@code pending} for those without one). */
    static Map<String, Integer> bulkOutcomes(UUID jobId) {
        try (Connection connection = connect();
             var statement = connection.prepareStatement(
                     "select coalesce(outcome, 'pending'), count(*) from bulk_job_item where job_id = ? group by 1")) {
            statement.setObject(1, jobId);
            var rows = statement.executeQuery();
            Map<String, Integer> outcomes = new TreeMap<>();
            while (rows.next()) {
                outcomes.put(rows.getString(1), rows.getInt(2));
            }
            return outcomes;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(String sql, MediaType type, Collection<Long> ids) {
        try (Connection connection = connect(); var statement = connection.prepareStatement(sql)) {
            statement.setString(1, type.name());
            statement.setArray(2, connection.createArrayOf("bigint", ids.toArray(Long[]::new)));
            var rows = statement.executeQuery();
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where a provider's change feed of a type was last read up to; empty before its first poll. */
    static Optional<Instant> changeFeedPosition(String provider, MediaType type) {
        try (Connection connection = connect();
             var statement = connection.prepareStatement("select polled_through from change_feed where provider = ? and media_type = ?")) {
            statement.setString(1, provider);
            statement.setString(2, type.name());
            var rows = statement.executeQuery();
            return rows.next() ? Optional.of(rows.getTimestamp(1).toInstant()) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves the item's last sync {@code hours} back, as if it had been synced that long ago. */
    static void backdateSync(MediaType type, long id, int hours) {
        try (Connection connection = connect();
             var statement = connection.prepareStatement("update sync_state set last_synced_at = last_synced_at"
                     + " - make_interval(hours => ?) where media_type = ? and provider_id = ?")) {
            statement.setInt(1, hours);
            statement.setString(2, type.name());
            statement.setLong(3, id);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The provider access tokens the workers obtained and share (IGDB's Twitch app token): credentials too. */
    static List<String> providerAccessTokens() {
        return strings("select access_token from provider_token");
    }

    /**
     * Every failure the pipeline stored and shows to callers or operators (sync requests and states, provider
     * searches, bulk jobs and their items, embedding requests) whose detail contains {@code text}.
     */
    static List<String> storedFailuresMentioning(String text) {
        return strings("""
                select 'sync_request ' || error_detail from sync_request where strpos(error_detail, ?) > 0
                union all select 'sync_state ' || last_error_detail from sync_state where strpos(last_error_detail, ?) > 0
                union all select 'provider_search ' || error_detail from provider_search where strpos(error_detail, ?) > 0
                union all select 'bulk_job ' || error_detail from bulk_job where strpos(error_detail, ?) > 0
                union all select 'bulk_job_item ' || error_detail from bulk_job_item where strpos(error_detail, ?) > 0
                union all select 'embedding_request ' || outcome_detail from embedding_request where strpos(outcome_detail, ?) > 0""",
                text, text, text, text, text, text);
    }

    private static List<String> strings(String sql, String... parameters) {
        try (Connection connection = connect(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            var rows = statement.executeQuery();
            List<String> found = new ArrayList<>();
            while (rows.next()) {
                found.add(rows.getString(1));
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        var postgres = SharedInfrastructure.postgres();
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }
}
