package com.trackgeek.testsupport;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Each test migrates a database of its own, so none depends on another having run first (or not). */
class SchemaMigrationTest {

    @Test
    void threeServicesMigratingAtOnceLeaveOneCompleteSchema() throws Exception {
        var database = FreshDatabase.create();
        Callable<Integer> migrate = () -> flyway(database).migrate().migrationsExecuted;

        List<Future<Integer>> runs;
        try (var pool = Executors.newFixedThreadPool(3)) {
            runs = pool.invokeAll(List.of(migrate, migrate, migrate));
        }
        int executed = 0;
        for (Future<Integer> run : runs) {
            executed += run.get();
        }

        assertThat(executed).as("each migration runs exactly once in total")
                .isEqualTo(flyway(database).info().applied().length)
                .isGreaterThanOrEqualTo(3);
        try (Connection connection = database.connect()) {
            var tables = connection.createStatement().executeQuery(
                    "select count(*) from information_schema.tables where table_name in ('media_item','sync_state','sync_request')");
            tables.next();
            assertThat(tables.getInt(1)).isEqualTo(3);
        }
    }

    @Test
    void oneActiveSyncRequestPerItemIsEnforcedByTheDatabase() throws Exception {
        var database = FreshDatabase.create();
        flyway(database).migrate();
        try (Connection connection = database.connect()) {
            String insert = "insert into sync_request (id, media_type, provider_id, kind, lane, status) "
                    + "values (gen_random_uuid(), 'ANIME', 999001, 'FETCH', 'INTERACTIVE', '%s') on conflict do nothing";
            int first = connection.createStatement().executeUpdate(insert.formatted("queued"));
            int second = connection.createStatement().executeUpdate(insert.formatted("queued"));
            int finished = connection.createStatement().executeUpdate(insert.formatted("done"));

            assertThat(first).isEqualTo(1);
            assertThat(second).as("a second active request for the same item is refused").isZero();
            assertThat(finished).as("finished requests do not count").isEqualTo(1);
        }
    }

    private static Flyway flyway(FreshDatabase database) {
        return Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password()).load();
    }
}
