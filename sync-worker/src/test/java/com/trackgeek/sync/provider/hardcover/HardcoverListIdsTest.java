package com.trackgeek.sync.provider.hardcover;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.bulk.BulkSelector;
import com.trackgeek.contracts.bulk.SeasonName;
import com.trackgeek.simulator.EmbeddedSimulator;
import com.trackgeek.sync.SharedSimulator;
import com.trackgeek.sync.provider.IdPage;
import com.trackgeek.sync.provider.MetadataProvider;
import com.trackgeek.sync.provider.ProviderException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Hardcover lists its trending books 25 ids a call through the one Hardcover budget; it has no other list. */
class HardcoverListIdsTest {

    private static final String GRAPHQL = "/hardcover/v1/graphql";

    private final EmbeddedSimulator hardcover = SharedSimulator.simulator();

    @Test
    void trendingBooksArePagesOfIdsOneCallEach() {
        MetadataProvider provider = provider(SharedSimulator.HARDCOVER_TOKEN);
        var trending = new BulkSelector.TopList(MediaType.BOOK, "trending");
        int before = hardcover.requests().count(GRAPHQL);

        IdPage first = provider.listIds(trending, 1);
        IdPage second = provider.listIds(trending, 2);

        assertThat(hardcover.requests().count(GRAPHQL) - before).isEqualTo(2);
        assertThat(first.ids()).hasSize(25).startsWith(328491L);
        assertThat(first.hasMore()).isTrue();
        assertThat(first.total()).as("Hardcover gives no total").isNull();
        assertThat(second.ids()).hasSize(25).doesNotContainAnyElementsOf(first.ids());
        assertThat(provider.fetch(MediaKey.of(MediaType.BOOK, second.ids().getLast())))
                .as("a trending id is a book the fake serves").isNotNull();
    }

    @Test
    void pastTheLastTrendingBookThereIsNoMore() {
        IdPage past = provider(SharedSimulator.HARDCOVER_TOKEN).listIds(new BulkSelector.TopList(MediaType.BOOK, "trending"), 100);

        assertThat(past.ids()).isEmpty();
        assertThat(past.hasMore()).isFalse();
    }

    @Test
    void anotherListACatalogOrASeasonIsNotSupportedAndWithoutTokenNothingIsListed() {
        MetadataProvider provider = provider(SharedSimulator.HARDCOVER_TOKEN);
        int before = hardcover.requests().count(GRAPHQL);

        var popular = catchThrowableOfType(ProviderException.class,
                () -> provider.listIds(new BulkSelector.TopList(MediaType.BOOK, "popular"), 1));
        var catalog = catchThrowableOfType(ProviderException.class,
                () -> provider.listIds(new BulkSelector.Catalog(MediaType.BOOK), 1));
        var season = catchThrowableOfType(ProviderException.class,
                () -> provider.listIds(new BulkSelector.Season(MediaType.ANIME, 2018, SeasonName.WINTER), 1));
        var off = catchThrowableOfType(ProviderException.class,
                () -> provider(null).listIds(new BulkSelector.TopList(MediaType.BOOK, "trending"), 1));

        assertThat(List.of(popular.code(), catalog.code(), season.code())).containsOnly(ErrorCode.BULK_SELECTOR_NOT_SUPPORTED);
        assertThat(popular.getMessage()).contains("trending");
        assertThat(off.code()).isEqualTo(ErrorCode.HARDCOVER_NOT_CONFIGURED);
        assertThat(hardcover.requests().count(GRAPHQL)).as("no call spent").isEqualTo(before);
    }

    private static MetadataProvider provider(String token) {
        return HardcoverSearchTest.provider(token, new SimpleMeterRegistry());
    }
}
