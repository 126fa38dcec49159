package com.trackgeek.sync.search;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.Provider;
import com.trackgeek.contracts.ProviderSearchRequested;
import com.trackgeek.servicekit.items.MediaItemStore;
import com.trackgeek.sync.provider.MetadataProviders;
import com.trackgeek.sync.provider.ProviderException;
import com.trackgeek.testsupport.SharedInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static com.trackgeek.contracts.MediaType.MOVIE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A search for a type whose provider this deployment has no credentials for fails its row at once with the
 * provider's NOT_CONFIGURED code and the settings it lacks, before any provider call: the API shows the
 * provider part missing instead of waiting. The handler alone, on the shared database, without Spring.
 */
class ProviderSearchNotConfiguredTest {

    private static DriverManagerDataSource database;
    private static JdbcClient jdbc;

    @BeforeAll
    static void migrate() {
        var postgres = SharedInfrastructure.postgres();
        database = new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(), postgres.password());
        Flyway.configure().dataSource(database).load().migrate();
        jdbc = JdbcClient.create(database);
    }

    @Test
    void aSearchOfATypeWhoseProviderIsNotConfiguredFailsWithItsNotConfiguredCode() {
        var search = ProviderSearchRequested.of(UUID.randomUUID(), MOVIE, "not configured " + UUID.randomUUID(), 1, 20,
                Instant.now());
        jdbc.sql("""
                        insert into provider_search (media_type, query, page, page_size, search_id, status, requested_at)
                        values ('MOVIE', :query, 1, 20, :searchId, 'running', now())""")
                .param("query", search.query()).param("searchId", search.searchId()).update();
        MetadataProviders providers = mock(MetadataProviders.class);
        when(providers.ready(MOVIE)).thenThrow(ProviderException.notConfigured(Provider.TMDB,
                "TMDB is not configured in this deployment: set TRACKGEEK_PROVIDERS_TMDB_API_KEY"));

        handler(providers).handle(search);

        Map<String, Object> row = jdbc.sql("""
                        select status, error_code, error_detail, provider_ids, answered_at is not null as answered
                          from provider_search where media_type = 'MOVIE' and query = :query""")
                .param("query", search.query()).query().singleRow();
        assertThat(row).containsEntry("status", "failed")
                .containsEntry("error_code", ErrorCode.TMDB_NOT_CONFIGURED.name())
                .containsEntry("answered", true)
                .containsEntry("provider_ids", null);
        assertThat((String) row.get("error_detail")).contains("TRACKGEEK_PROVIDERS_TMDB_API_KEY");
    }

    /** The worker's handler; its follow-ups have no Kafka, so a publish would fail the test. */
    private static ProviderSearchHandler handler(MetadataProviders providers) {
        var properties = new ProviderSearchProperties(2, Duration.ofSeconds(1));
        return new ProviderSearchHandler(providers, new MediaItemStore(jdbc), new ProviderSearchAnswers(jdbc),
                new SearchFollowUps(null, properties), new TransactionTemplate(new DataSourceTransactionManager(database)),
                new SimpleMeterRegistry());
    }
}
