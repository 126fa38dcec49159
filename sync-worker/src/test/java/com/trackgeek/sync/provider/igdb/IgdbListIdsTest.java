package com.trackgeek.sync.provider.igdb;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;
import com.trackgeek.contracts.bulk.BulkSelector;
import com.trackgeek.contracts.catalog.Game;
import com.trackgeek.simulator.EmbeddedSimulator;
import com.trackgeek.sync.SharedSimulator;
import com.trackgeek.sync.provider.FetchOutcome;
import com.trackgeek.sync.provider.IdPage;
import com.trackgeek.sync.provider.ProviderException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * IGDB lists its games 500 ids a call: by rating and by popularity (offset pages), and the whole catalog by id
 * ranges (no offset), through the same budget and token as fetches.
 */
class IgdbListIdsTest {

    private static final String GAMES = "/igdb/v4/games";
    private static final String POPULARITY = "/igdb/v4/popularity_primitives";
    private final IgdbTestProviders providers = new IgdbTestProviders();

    @AfterEach
    void cleanUp() {
        providers.close();
    }

    @Test
    void aPageByRatingIsFiveHundredIdsInOneCallBestFirst() {
        var provider = provider(SharedSimulator.IGDB_CLIENT_ID, SharedSimulator.IGDB_CLIENT_SECRET);
        var rating = new BulkSelector.TopList(MediaType.GAME, "rating");
        int callsBefore = simulator().requests().count(GAMES);

        IdPage first = provider.listIds(rating, 1);
        IdPage second = provider.listIds(rating, 2);

        assertThat(simulator().requests().count(GAMES) - callsBefore).as("one call a page").isEqualTo(2);
        assertThat(first.ids()).hasSize(500).doesNotHaveDuplicates();
        assertThat(first.hasMore()).isTrue();
        assertThat(second.ids()).hasSize(500).doesNotContainAnyElementsOf(first.ids());
        List<FetchOutcome> fetched = provider.fetchSeveral(MediaType.GAME, first.ids());
        List<BigDecimal> ratings = fetched.stream().map(outcome -> ((Game) outcome.itemOrThrow()).totalRating()).toList();
        assertThat(ratings).doesNotContainNull().isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void aPageByPopularityIsFiveHundredGameIdsOfThePopularityPrimitives() {
        var provider = provider(SharedSimulator.IGDB_CLIENT_ID, SharedSimulator.IGDB_CLIENT_SECRET);
        int callsBefore = simulator().requests().count(POPULARITY);

        IdPage first = provider.listIds(new BulkSelector.TopList(MediaType.GAME, "popularity"), 1);

        assertThat(simulator().requests().count(POPULARITY) - callsBefore).isEqualTo(1);
        assertThat(first.ids()).hasSize(500).doesNotHaveDuplicates();
        assertThat(provider.fetchSeveral(MediaType.GAME, first.ids().subList(0, 5)))
                .allSatisfy(outcome -> assertThat(outcome.itemOrThrow()).isNotNull());
    }

    @Test
    void theCatalogIsListedByIdRangesOfFiveHundredOneCallEach() {
        var provider = provider(SharedSimulator.IGDB_CLIENT_ID, SharedSimulator.IGDB_CLIENT_SECRET);
        var catalog = new BulkSelector.Catalog(MediaType.GAME);
        int callsBefore = simulator().requests().count(GAMES);

        IdPage first = provider.listIds(catalog, 1);
        IdPage third = provider.listIds(catalog, 3);
        IdPage withGodOfWar = provider.listIds(catalog, 19560 / 500 + 1);

        assertThat(simulator().requests().count(GAMES) - callsBefore).isEqualTo(3);
        assertThat(first.ids()).hasSize(500).isSorted().startsWith(1L).endsWith(500L);
        assertThat(first.hasMore()).isTrue();
        assertThat(third.ids()).first().isEqualTo(1001L);
        assertThat(withGodOfWar.ids()).contains(19560L).allMatch(id -> id > 19500 && id <= 20000);
    }

    @Test
    void theCatalogEndsWhereIgdbHasNoMoreIds() {
        var provider = provider(SharedSimulator.IGDB_CLIENT_ID, SharedSimulator.IGDB_CLIENT_SECRET);

        IdPage beyond = provider.listIds(new BulkSelector.Catalog(MediaType.GAME), 10_000);

        assertThat(beyond.ids()).isEmpty();
        assertThat(beyond.hasMore()).isFalse();
    }

    @Test
    void anotherListIsNotSupportedAndWithoutCredentialsNothingIsListed() {
        var unknown = catchThrowableOfType(ProviderException.class,
                () -> provider(SharedSimulator.IGDB_CLIENT_ID, SharedSimulator.IGDB_CLIENT_SECRET)
                        .listIds(new BulkSelector.TopList(MediaType.GAME, "hypes"), 1));
        var off = catchThrowableOfType(ProviderException.class,
                () -> provider(null, null).listIds(new BulkSelector.TopList(MediaType.GAME, "rating"), 1));

        assertThat(unknown.code()).isEqualTo(ErrorCode.BULK_SELECTOR_NOT_SUPPORTED);
        assertThat(unknown.getMessage()).contains("popularity", "rating");
        assertThat(off.code()).isEqualTo(Provider.IGDB.notConfigured());
    }

    private IgdbProvider provider(String clientId, String clientSecret) {
        return providers.provider(clientId, clientSecret, new SimpleMeterRegistry());
    }

    private static EmbeddedSimulator simulator() {
        return SharedSimulator.simulator();
    }
}
