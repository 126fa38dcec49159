package com.trackgeek.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A new, empty database in the shared PostgreSQL server, for a test that must see the schema come into being
 * (migrations) without depending on what other tests of the JVM already did to the shared database.
 */
public record FreshDatabase(String name, String jdbcUrl, String username, String password) {

    public static FreshDatabase create() {
        var postgres = SharedInfrastructure.postgres();
        String name = "fresh_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password())) {
            connection.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        String url = postgres.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        return new FreshDatabase(name, url, postgres.username(), postgres.password());
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }
}
