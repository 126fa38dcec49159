package com.trackgeek.servicekit.items;

import com.trackgeek.contracts.MediaType;
import com.trackgeek.servicekit.items.CatalogSearch.SearchHit;
import com.trackgeek.servicekit.items.CatalogSearch.SearchPage;
import com.trackgeek.testsupport.FreshDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search's counting and paging bounds, on rows written straight into a fresh database: titles made of a
 * word stored nowhere else, so each test knows exactly which rows can match.
 */
class CatalogSearchTest {

    private static final Set<MediaType> EVERY_TYPE = EnumSet.allOf(MediaType.class);

    private static JdbcClient jdbc;
    private static CatalogSearch search;

    @BeforeAll
    static void database() {
        var database = FreshDatabase.create();
        Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password()).load().migrate();
        jdbc = JdbcClient.create(new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password()));
        search = new CatalogSearch(jdbc);
        // 150 books "Quorvandel 1".."Quorvandel 150" and 5 "The Quorvandel <n>"; three games whose titles
        // contain "zephyrine" and 30 games titled "Zephyrina <n>", word-similar to "zephyrine" but not containing
        // it; 600 movies "Mostravian <n>"; 300 TV shows "Brindlewhisk <n>" and 300 "The Brindlewhisk <n>".
        for (int n = 1; n <= 150; n++) {
            store(MediaType.BOOK, n, "Quorvandel " + n);
        }
        for (int n = 1; n <= 5; n++) {
            store(MediaType.BOOK, 1000 + n, "The Quorvandel " + n);
        }
        jdbc.sql("""
                insert into media_item (media_type, provider_id, document, title, last_refreshed_at)
                select 'MOVIE', n, '{}'::jsonb, 'Mostravian ' || n, now() from generate_series(1, 600) n""").update();
        jdbc.sql("""
                insert into media_item (media_type, provider_id, document, title, last_refreshed_at)
                select 'TV_SHOW', n, '{}'::jsonb, case when n <= 300 then '' else 'The ' end || 'Brindlewhisk ' || n, now()
                  from generate_series(1, 600) n""").update();
        store(MediaType.GAME, 1, "Zephyrine");
        store(MediaType.GAME, 2, "Zephyrine Rising");
        store(MediaType.GAME, 3, "The Last Zephyrine");
        for (int n = 1; n <= 30; n++) {
            store(MediaType.GAME, 100 + n, "Zephyrina " + n);
        }
        store(MediaType.ANIME, 1, "Zephyrine");
    }

    @Test
    void substringMatchesAreCountedExactlyUpToTheBound() {
        SearchPage page = search.search("quorvandel", Set.of(MediaType.BOOK), 0, 20);

        assertThat(page.hits()).hasSize(20).allSatisfy(hit -> assertThat(hit.title()).startsWith("Quorvandel "));
        assertThat(page.total()).isEqualTo(155);
        assertThat(page.totalExact()).isTrue();
    }

    @Test
    void pastTheTitlesStartingWithTheQueryComeTheTitlesContainingIt() {
        SearchPage page = search.search("quorvandel", Set.of(MediaType.BOOK), 140, 20);

        assertThat(page.hits()).extracting(SearchHit::title).hasSize(15)
                .startsWith("Quorvandel 141", "Quorvandel 142")
                .endsWith("The Quorvandel 1", "The Quorvandel 2", "The Quorvandel 3", "The Quorvandel 4", "The Quorvandel 5");
        assertThat(page.total()).isEqualTo(155);
    }

    @Test
    void moreSubstringMatchesThanTheBoundAreAtLeastTheBoundOnEveryPage() {
        SearchPage first = search.search("mostravian", Set.of(MediaType.MOVIE), 0, 20);
        SearchPage deep = search.search("mostravian", Set.of(MediaType.MOVIE), 590, 20);

        assertThat(first.hits()).extracting(SearchHit::title).startsWith("Mostravian 1", "Mostravian 2");
        assertThat(deep.hits()).as("past the titles the index range gives, all are ranked").hasSize(10);
        assertThat(List.of(first, deep)).allSatisfy(page -> {
            assertThat(page.total()).isEqualTo(CatalogSearch.COUNTED_UP_TO);
            assertThat(page.totalExact()).isFalse();
        });
    }

    @Test
    void theMatchesBesidesTheTitlesStartingWithTheQueryAreCountedUpToTheBound() {
        SearchPage page = search.search("brindlewhisk", Set.of(MediaType.TV_SHOW), 0, 20);

        assertThat(page.hits()).extracting(SearchHit::title).startsWith("Brindlewhisk 1", "Brindlewhisk 2");
        assertThat(page.total()).isEqualTo(CatalogSearch.COUNTED_UP_TO);
        assertThat(page.totalExact()).isFalse();
        assertThat(search.search("brindlewhisk 2", Set.of(MediaType.TV_SHOW), 0, 20).total())
                .as("Brindlewhisk 2, 20..29, 200..299").isEqualTo(111);
    }

    @Test
    void moreWordSimilarTitlesThanTheBoundAreRankedUpToItAndTheTotalSaysAtLeast() {
        SearchPage page = search.search("quorvandl", Set.of(MediaType.BOOK), 0, 20);

        assertThat(page.hits()).hasSize(20).allSatisfy(hit -> assertThat(hit.title()).startsWith("Quorvandel "));
        assertThat(page.total()).isEqualTo(CatalogSearch.SIMILAR_RANKED);
        assertThat(page.totalExact()).isFalse();
        SearchPage last = search.search("quorvandl", Set.of(MediaType.BOOK), CatalogSearch.SIMILAR_RANKED - 5, 20);
        assertThat(last.hits()).as("the ranked ones end at the bound").hasSize(5);
    }

    @Test
    void fewWordSimilarTitlesAreCountedExactly() {
        SearchPage page = search.search("zephyrinx", Set.of(MediaType.GAME), 0, 50);

        assertThat(page.totalExact()).isTrue();
        assertThat(page.total()).isEqualTo(page.hits().size()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void thePagesGoOnFromTheLastSubstringMatchToTheSimilarTitles() {
        List<String> titles = new java.util.ArrayList<>();
        long total = -1;
        for (int offset = 0; offset < 12; offset += 4) {
            SearchPage page = search.search("zephyrine", Set.of(MediaType.GAME), offset, 4);
            page.hits().forEach(hit -> titles.add(hit.title()));
            if (total >= 0) {
                assertThat(page.total()).as("every page tells the same total").isEqualTo(total);
            }
            total = page.total();
        }

        assertThat(titles.subList(0, 3)).as("substring matches first, the equal title first")
                .containsExactly("Zephyrine", "Zephyrine Rising", "The Last Zephyrine");
        assertThat(titles.subList(3, 12)).allSatisfy(title -> assertThat(title).startsWith("Zephyrina "));
        assertThat(titles).doesNotHaveDuplicates();
        assertThat(total).isEqualTo(3 + 30);
        assertThat(search.search("zephyrine", Set.of(MediaType.GAME), 0, 20).hits()).hasSize(20);
    }

    @Test
    void aPageFullOfSubstringMatchesStillCountsTheSimilarTitles() {
        SearchPage page = search.search("zephyrine", Set.of(MediaType.GAME), 0, 2);

        assertThat(page.hits()).extracting(SearchHit::title).containsExactly("Zephyrine", "Zephyrine Rising");
        assertThat(page.total()).isEqualTo(33);
    }

    @Test
    void oneTypeSomeTypesAndEveryTypeFindOnlyTheirTypes() {
        assertThat(types(search.search("zephyrine", Set.of(MediaType.ANIME), 0, 50)))
                .containsOnly(MediaType.ANIME);
        assertThat(types(search.search("zephyrine", EnumSet.of(MediaType.ANIME, MediaType.BOOK), 0, 50)))
                .containsOnly(MediaType.ANIME);
        assertThat(types(search.search("zephyrine", EVERY_TYPE, 0, 50)))
                .contains(MediaType.ANIME, MediaType.GAME).doesNotContain(MediaType.BOOK);
        assertThat(search.search("zephyrine", EVERY_TYPE, 0, 50).total()).isEqualTo(34);
    }

    @Test
    void pastTheLastPageTheTotalIsStillTold() {
        SearchPage past = search.search("zephyrine", Set.of(MediaType.GAME), 200, 20);

        assertThat(past.hits()).isEmpty();
        assertThat(past.total()).isEqualTo(33);
    }

    @Test
    void aPageMadeWithoutSayingOtherwiseHasAnExactTotal() {
        assertThat(new SearchPage(List.of(), 7).totalExact()).isTrue();
    }

    private static List<MediaType> types(SearchPage page) {
        return page.hits().stream().map(hit -> hit.key().type()).toList();
    }

    private static void store(MediaType type, long id, String title) {
        jdbc.sql("""
                        insert into media_item (media_type, provider_id, document, title, last_refreshed_at)
                        values (:type, :id, '{}'::jsonb, :title, now())""")
                .param("type", type.name())
                .param("id", id)
                .param("title", title)
                .update();
    }
}
