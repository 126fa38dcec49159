package com.trackgeek.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server (zonky's binaries from Maven Central) run as a child process: no Docker and
 * nothing pre-installed. With a data directory its data survives restarts; without one it lives in a
 * temporary folder that is removed on close.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final String database;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String database) {
        this.postgres = postgres;
        this.database = database;
    }

    /**
     * @param port          0 for any free port
     * @param dataDirectory where the cluster lives across restarts, or {@code null} for a throw-away one
     * @param database      created on first start if it does not exist
     */
    public static EmbeddedPostgresServer start(int port, Path dataDirectory, String database) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    // The pipeline's guarantees do not depend on these in a throw-away or dev cluster.
                    .setServerConfig("fsync", dataDirectory == null ? "off" : "on")
                    .setServerConfig("synchronous_commit", dataDirectory == null ? "off" : "on");
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDirectory != null) {
                stopServerLeftBehind(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            createDatabaseIfMissing(postgres, database);
            log.info("PostgreSQL {} listening on port {}{}", database, postgres.getPort(),
                    dataDirectory == null ? "" : " with data in " + dataDirectory.toAbsolutePath());
            return new EmbeddedPostgresServer(postgres, database);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    /**
     * The PostgreSQL server is a process of its own: when the JVM that started it was killed ({@code kill -9}),
     * it is still running on the data folder, and a new one could not start there. It is stopped the way
     * PostgreSQL recommends (SIGTERM, a "smart" shutdown), so a restart simply takes over.
     */
    private static void stopServerLeftBehind(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            if (!firstLine.matches("\\d+")) {
                return;
            }
            ProcessHandle.of(Long.parseLong(firstLine))
                    .filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(false))
                    .ifPresent(leftBehind -> {
                        log.warn("PostgreSQL (pid {}) from a run that did not stop is still using {}; stopping it",
                                leftBehind.pid(), dataDirectory.toAbsolutePath());
                        leftBehind.destroy();
                        leftBehind.onExit().orTimeout(60, TimeUnit.SECONDS).join();
                    });
        } catch (IOException e) {
            log.warn("Could not read {}: {}", pidFile, e.toString());
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) {
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl(USER, "postgres"), USER, "");
             Statement statement = connection.createStatement()) {
            var existing = statement.executeQuery("select 1 from pg_database where datname = '" + database.replace("'", "''") + "'");
            if (!existing.next()) {
                statement.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, database);
    }

    public String username() {
        return USER;
    }

    /** The embedded cluster trusts local connections; any password is accepted. */
    public String password() {
        return "";
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
