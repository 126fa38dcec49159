package com.trackgeek.sync.provider.jikan;

import com.trackgeek.contracts.ErrorCode;
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
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Jikan lists a season and its top lists page by page, 25 ids a call, in Jikan's order: the recorded season page
 * of winter 2018 is the first page of its season, in the recorded order, and the fake pads the season out with
 * items it also serves by id.
 */
class JikanListIdsTest {

    private static final String WINTER_2018 = "/jikan/v4/seasons/2018/winter";

    private final EmbeddedSimulator jikan = SharedSimulator.simulator();
    private final MetadataProvider provider = provider();

    @Test
    void everyPageOfASeasonIsListedStartingWithTheRecordedPageInItsOrder() {
        JsonNode recorded = JikanSearchTest.fixture("jikan/seasons-2018-winter.json");
        List<Long> recordedIds = recorded.get("data").valueStream().map(anime -> anime.get("mal_id").asLong()).toList();
        var winter2018 = new BulkSelector.Season(MediaType.ANIME, 2018, SeasonName.WINTER);
        int callsBefore = jikan.requests().count(WINTER_2018);

        List<Long> all = new ArrayList<>();
        IdPage page;
        int number = 0;
        do {
            page = provider.listIds(winter2018, ++number);
            all.addAll(page.ids());
        } while (page.hasMore());

        assertThat(all.subList(0, recordedIds.size())).containsExactlyElementsOf(recordedIds);
        assertThat(all).doesNotHaveDuplicates().hasSize(page.total().intValue());
        assertThat(number).isEqualTo((page.total().intValue() + 24) / 25);
        assertThat(jikan.requests().count(WINTER_2018) - callsBefore).as("one call a page").isEqualTo(number);
        long last = all.getLast();
        assertThat(provider.fetch(com.trackgeek.contracts.MediaKey.of(MediaType.ANIME, last)))
                .as("a listed id is an item the fake serves").isNotNull();
    }

    @Test
    void theTopAnimeListIsRankOrderWithJikansTotal() {
        IdPage first = provider.listIds(new BulkSelector.TopList(MediaType.ANIME, "top"), 1);
        IdPage second = provider.listIds(new BulkSelector.TopList(MediaType.ANIME, "bypopularity"), 2);

        assertThat(first.ids()).hasSize(25).startsWith(5114L);
        assertThat(first.total()).isEqualTo(1000);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.ids()).hasSize(25).doesNotContainAnyElementsOf(first.ids());
    }

    @Test
    void theTopMangaListIsListed() {
        IdPage first = provider.listIds(new BulkSelector.TopList(MediaType.MANGA, "favorite"), 1);

        assertThat(first.ids()).isNotEmpty().contains(25L);
    }

    @Test
    void eachTypeNamesItsTopLists() {
        assertThat(provider.topLists(MediaType.ANIME)).containsExactlyInAnyOrder("top", "airing", "upcoming", "bypopularity", "favorite");
        assertThat(provider.topLists(MediaType.MANGA)).containsExactlyInAnyOrder("top", "publishing", "upcoming", "bypopularity", "favorite");
    }

    @Test
    void aListJikanDoesNotHaveOrACatalogIsNotSupportedAndCostsNoCall() {
        int callsBefore = jikan.requests().count("/jikan/v4/top/anime");

        var unknownList = catchThrowableOfType(ProviderException.class,
                () -> provider.listIds(new BulkSelector.TopList(MediaType.ANIME, "popular"), 1));
        var catalog = catchThrowableOfType(ProviderException.class,
                () -> provider.listIds(new BulkSelector.Catalog(MediaType.MANGA), 1));

        assertThat(unknownList.code()).isEqualTo(ErrorCode.BULK_SELECTOR_NOT_SUPPORTED);
        assertThat(unknownList.getMessage()).contains("bypopularity");
        assertThat(catalog.code()).isEqualTo(ErrorCode.BULK_SELECTOR_NOT_SUPPORTED);
        assertThat(jikan.requests().count("/jikan/v4/top/anime")).isEqualTo(callsBefore);
    }

    private static MetadataProvider provider() {
        return JikanSearchTest.provider(new SimpleMeterRegistry());
    }
}
