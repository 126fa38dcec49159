package com.trackgeek.sync.provider;

import com.trackgeek.contracts.catalog.CatalogItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Our pages cut out of a provider's pages of another size: walking our pages in order shows every provider hit
 * once, in the provider's order, whatever our limit and the provider's page size.
 */
class SearchWindowTest {

    /** 47 hits in all, as a provider with pages of {@code size} would answer them. */
    private static final List<CatalogItem> ALL = IntStream.range(0, 47).mapToObj(i -> mock(CatalogItem.class)).toList();

    @ParameterizedTest(name = "limit {0}, provider pages of {1}")
    @CsvSource({"10, 20", "20, 20", "25, 20", "50, 20", "7, 25", "30, 25", "1, 20"})
    void walkingOurPagesShowsEveryHitOnceInTheProvidersOrder(int limit, int size) {
        List<CatalogItem> shown = new ArrayList<>();
        int page = 1;
        SearchPage answer;
        do {
            answer = SearchWindow.collect(page++, limit, size, number -> providerPage(number, size, new ArrayList<>()));
            shown.addAll(answer.items());
            assertThat(answer.total()).isEqualTo(47L);
        } while (answer.hasMore());

        assertThat(shown).containsExactlyElementsOf(ALL);
    }

    @Test
    void onlyTheProviderPagesThatHoldTheWindowAreAsked() {
        List<Integer> asked = new ArrayList<>();

        SearchPage second = SearchWindow.collect(2, 10, 20, number -> providerPage(number, 20, asked));
        SearchPage third = SearchWindow.collect(3, 15, 20, number -> providerPage(number, 20, asked));

        assertThat(second.items()).containsExactlyElementsOf(ALL.subList(10, 20));
        assertThat(third.items()).containsExactlyElementsOf(ALL.subList(30, 45));
        assertThat(asked).as("page 1 for hits 10-19; pages 2 and 3 for hits 30-44").containsExactly(1, 2, 3);
    }

    @Test
    void aWindowPastTheLastHitIsEmptyWithNothingMore() {
        SearchPage past = SearchWindow.collect(9, 10, 20, number -> providerPage(number, 20, new ArrayList<>()));

        assertThat(past.items()).isEmpty();
        assertThat(past.hasMore()).isFalse();
    }

    private static SearchPage providerPage(int number, int size, List<Integer> asked) {
        asked.add(number);
        int from = Math.min((number - 1) * size, ALL.size());
        int to = Math.min(from + size, ALL.size());
        return new SearchPage(ALL.subList(from, to), 47L, to < ALL.size());
    }
}
