package com.trackgeek.pipeline;

import com.trackgeek.testsupport.SharedInfrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** What is really stored, read with plain JDBC so the services' own code is not the judge of itself. */
final class Database {

    private Database() {
    }

    static Map<String, Object> animeRow(long malId) {
        return row("""
                select title, titles::text as titles, number_of_episodes, aired_from::date::text as aired_from,
                       aired_to::date::text as aired_to, genres::text as genres, studios::text as studios,
                       jsonb_array_length(characters) as characters, jsonb_array_length(staff) as staff,
                       characters::text as character_names, staff::text as staff_names
                  from anime where mal_id = ?""", malId);
    }

    static int storedAnime(Collection<Long> malIds) {
        return count("select count(*) from anime where mal_id = any(?)", malIds.toArray(Long[]::new));
    }

    static int doneRequests(Collection<Long> malIds) {
        return count("select count(*) from sync_request where media_type = 'ANIME' and status = 'done' and provider_id = any(?)",
                malIds.toArray(Long[]::new));
    }

    static int unfinishedRequests(Collection<Long> malIds) {
        return count("select count(*) from sync_request where media_type = 'ANIME' and status in ('queued', 'running') and provider_id = any(?)",
                malIds.toArray(Long[]::new));
    }

    private static int count(String sql, Long[] ids) {
        try (Connection connection = connect(); var statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("bigint", ids));
            var rows = statement.executeQuery();
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> row(String sql, long id) {
        try (Connection connection = connect(); var statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            var rows = statement.executeQuery();
            if (!rows.next()) {
                return Map.of();
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                row.put(rows.getMetaData().getColumnLabel(column), rows.getObject(column));
            }
            return row;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        var postgres = SharedInfrastructure.postgres();
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }
}
