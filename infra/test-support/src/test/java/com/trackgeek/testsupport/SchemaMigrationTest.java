package com.trackgeek.testsupport;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaMigrationTest {

    @Test
    void threeServicesMigratingAtOnceLeaveOneCompleteSchema() throws Exception {
        var postgres = SharedInfrastructure.postgres();
        Callable<Integer> migrate = () -> Flyway.configure()
                .dataSource(postgres.jdbcUrl(), postgres.username(), postgres.password())
                .load().migrate().migrationsExecuted;

        List<Future<Integer>> runs;
        try (var pool = Executors.newFixedThreadPool(3)) {
            runs = pool.invokeAll(List.of(migrate, migrate, migrate));
        }
        int executed = 0;
        for (Future<Integer> run : runs) {
            executed += run.get();
        }

        assertThat(executed).as("each migration runs exactly once in total").isEqualTo(countMigrations());
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password())) {
            var tables = connection.createStatement().executeQuery(
                    "select count(*) from information_schema.tables where table_name in ('anime','sync_state','sync_request')");
            tables.next();
            assertThat(tables.getInt(1)).isEqualTo(3);
        }
    }

    private static int countMigrations() {
        return Flyway.configure().dataSource(SharedInfrastructure.postgres().jdbcUrl(), "postgres", "")
                .load().info().applied().length;
    }

    @Test
    void oneActiveSyncRequestPerItemIsEnforcedByTheDatabase() throws Exception {
        var postgres = SharedInfrastructure.postgres();
        Flyway.configure().dataSource(postgres.jdbcUrl(), postgres.username(), postgres.password()).load().migrate();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password())) {
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
}
