package com.trackgeek.servicekit.items;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.catalog.DateRange;
import com.trackgeek.contracts.catalog.Manga;
import com.trackgeek.contracts.catalog.Title;
import com.trackgeek.testsupport.FreshDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaItemStoreTest {

    private static JdbcClient jdbc;
    private static MediaItemStore store;

    @BeforeAll
    static void database() {
        var database = FreshDatabase.create();
        Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password()).load().migrate();
        jdbc = JdbcClient.create(new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password()));
        store = new MediaItemStore(jdbc);
    }

    @Test
    void anItemIsStoredOnceAsItsRecordWithTheQueriedColumnsDerivedFromIt() {
        store.upsert(manga(25, "Fullmetal Alchemist", 27));
        store.upsert(manga(25, "Fullmetal Alchemist", 27));

        var row = jdbc.sql("""
                        select count(*) as rows, min(title) as title, min(alternative_titles::text) as alternatives,
                               min(release_status) as status, min(released_on) as released, min(release_year) as year
                          from media_item where media_type = 'MANGA' and provider_id = 25""")
                .query((rs, n) -> Map.of("rows", rs.getInt("rows"), "title", rs.getString("title"),
                        "alternatives", rs.getString("alternatives"), "status", rs.getString("status"),
                        "released", rs.getObject("released", LocalDate.class), "year", rs.getInt("year")))
                .single();
        assertThat(row).containsEntry("rows", 1).containsEntry("title", "Fullmetal Alchemist")
                .containsEntry("alternatives", "{鋼の錬金術師,\"Hagane no Renkinjutsushi\"}")
                .containsEntry("status", "Finished").containsEntry("released", LocalDate.of(2001, 7, 12))
                .containsEntry("year", 2001);
        assertThat(store.find(MediaKey.of(MediaType.MANGA, 25)).orElseThrow().item()).isEqualTo(manga(25, "Fullmetal Alchemist", 27));
    }

    @Test
    void aLaterSyncOverwritesTheProvidersDataAndKeepsWhenTheItemWasFirstStored() {
        store.upsert(manga(26, "Old title", 1));
        Instant created = store.find(MediaKey.of(MediaType.MANGA, 26)).orElseThrow().createdAt();

        store.upsert(manga(26, "New title", 2));

        var stored = store.find(MediaKey.of(MediaType.MANGA, 26)).orElseThrow();
        assertThat(((Manga) stored.item()).volumes()).isEqualTo(2);
        assertThat(stored.item().title()).isEqualTo("New title");
        assertThat(stored.createdAt()).isEqualTo(created);
        assertThat(stored.syncStatus()).as("no sync state recorded for it").isNull();
    }

    @Test
    void aWriteSaysWhetherTheStoredDocumentChanged() {
        assertThat(store.upsert(manga(41, "First", 1))).as("new").isTrue();
        assertThat(store.upsert(manga(41, "First", 1))).as("the same document again").isFalse();
        assertThat(store.upsert(manga(41, "First", 2))).as("other data").isTrue();

        store.upsertPartial(manga(42, "From a search", 1));
        assertThat(store.upsert(manga(42, "From a search", 1))).as("a partial item completed").isTrue();
    }

    @Test
    void aWriteThatMovesOnlyScoreOrPopularityIsNoRealChange() {
        assertThat(store.store(manga(43, "First", 1))).as("new").isEqualTo(MediaItemStore.Change.CHANGED);
        assertThat(store.store(manga(43, "First", 1))).isEqualTo(MediaItemStore.Change.UNCHANGED);
        Manga rescored = manga(43, "First", 1);
        rescored = new Manga(43, rescored.url(), rescored.imageUrl(), rescored.title(), rescored.titles(), rescored.type(),
                rescored.chapters(), rescored.volumes(), rescored.status(), rescored.publishing(), rescored.published(),
                new BigDecimal("9.10"), 2, 1, 1, 9_999, 6, rescored.synopsis(), null, null, null, null, null, null, null, null, null, null);
        assertThat(store.store(rescored)).as("score, rank, popularity, members moved").isEqualTo(MediaItemStore.Change.ONLY_VOLATILE);
        assertThat(store.store(manga(43, "First", 2))).as("a new volume").isEqualTo(MediaItemStore.Change.CHANGED);
        assertThat(MediaItemStore.Change.ONLY_VOLATILE.real()).isFalse();
    }

    @Test
    void loadReturnsTheStoredItemsAmongTheKeysOfAnyType() {
        store.upsert(manga(27, "Stored", 1));

        var loaded = store.load(List.of(MediaKey.of(MediaType.MANGA, 27), MediaKey.of(MediaType.MANGA, 28),
                MediaKey.of(MediaType.ANIME, 27)), false);

        assertThat(loaded).containsOnlyKeys(MediaKey.of(MediaType.MANGA, 27));
        assertThat(store.exists(MediaKey.of(MediaType.MANGA, 27))).isTrue();
        assertThat(store.exists(MediaKey.of(MediaType.MANGA, 28))).isFalse();
    }

    @Test
    void anItemWithoutATitleIsRefused() {
        assertThatThrownBy(() -> store.upsert(manga(29, " ", 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MANGA:29");
        assertThat(store.exists(MediaKey.of(MediaType.MANGA, 29))).isFalse();
    }

    @Test
    void aPartialItemNeverOverwritesAFullOne() {
        MediaKey key = MediaKey.of(MediaType.MANGA, 30);
        store.upsert(manga(30, "Full", 27));

        var written = store.upsertPartial(manga(30, "From a search", 1));

        assertThat(written).isEqualTo(MediaItemStore.PartialWrite.KEPT_FULL);
        var stored = store.find(key).orElseThrow();
        assertThat(stored.item().title()).isEqualTo("Full");
        assertThat(((Manga) stored.item()).volumes()).isEqualTo(27);
        assertThat(store.isPartial(key)).hasValue(false);
    }

    @Test
    void aPartialItemIsStoredMarkedPartialAndAFullWriteCompletesIt() {
        MediaKey key = MediaKey.of(MediaType.MANGA, 31);
        assertThat(store.isPartial(key)).isEmpty();

        assertThat(store.upsertPartial(manga(31, "From a search", 1))).isEqualTo(MediaItemStore.PartialWrite.INSERTED);
        assertThat(store.isPartial(key)).hasValue(true);
        assertThat(store.find(key).orElseThrow().partial()).isTrue();
        assertThat(store.upsertPartial(manga(31, "From another search", 2))).as("a partial row takes newer hits")
                .isEqualTo(MediaItemStore.PartialWrite.UPDATED);
        assertThat(store.find(key).orElseThrow().item().title()).isEqualTo("From another search");

        store.upsert(manga(31, "Full", 27));

        assertThat(store.isPartial(key)).hasValue(false);
        assertThat(store.find(key).orElseThrow().partial()).isFalse();
        assertThat(((Manga) store.find(key).orElseThrow().item()).volumes()).isEqualTo(27);
    }

    @Test
    void theSummaryPictureAndTheFoldedSearchColumnsAreDerivedFromTheRecord() {
        store.upsert(manga(32, "Pokémon Adventures", 1));

        var row = jdbc.sql("select image_url, search_title, search_text from media_item where media_type = 'MANGA' and provider_id = 32")
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                .single();
        assertThat(row).containsExactly("https://cdn.myanimelist.net/images/manga/32.jpg", "pokemon adventures",
                "pokemon adventures\n鋼の錬金術師\nhagane no renkinjutsushi");
    }

    private static Manga manga(long malId, String title, int volumes) {
        return new Manga(malId, "https://myanimelist.net/manga/" + malId, "https://cdn.myanimelist.net/images/manga/" + malId + ".jpg", title,
                List.of(new Title("Default", title), new Title("Japanese", "鋼の錬金術師"), new Title("Synonym", "Hagane no Renkinjutsushi")),
                "Manga", 116, volumes, "Finished", false,
                new DateRange(Instant.parse("2001-07-12T00:00:00Z"), Instant.parse("2010-09-11T00:00:00Z"), "Jul 12, 2001 to Sep 11, 2010"),
                new BigDecimal("9.03"), 1, 2, 3, 4, 5, "Alchemy.", null, null, null, null, null, null, null, null, null, null);
    }
}
