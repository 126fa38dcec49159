package com.trackgeek.simulator.jikan;

import com.trackgeek.simulator.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class JikanFixtureLoaderTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final JikanFixtureLoader loader = new JikanFixtureLoader(json);

    @Test
    void indexesEveryAnimeObjectOfEveryFileAndPrefersTheFullBody() {
        JikanFixtures fixtures = loader.load(Fixtures.dir().resolve("jikan"));

        // 5114 also appears in no list, 457 is a plain detail body, 20 only in a search, 33352 only in a season.
        assertThat(fixtures.anime(5114)).hasValueSatisfying(anime -> assertThat(anime.has("relations")).isTrue());
        assertThat(fixtures.anime(457)).isPresent();
        assertThat(fixtures.anime(20)).isPresent();
        assertThat(fixtures.anime(33352)).isPresent();
        // Manga objects and relation entries pointing at anime 121 are not anime bodies.
        assertThat(fixtures.anime(25)).isEmpty();
        assertThat(fixtures.anime(121)).isEmpty();
        assertThat(fixtures.allAnime()).hasSizeGreaterThanOrEqualTo(50);
    }

    @Test
    void indexesMangaTheSameWayApartFromAnime() {
        JikanFixtures fixtures = loader.load(Fixtures.dir().resolve("jikan"));

        // 25 is recorded plain and /full: the richer /full body wins. 113138 appears only in a search.
        assertThat(fixtures.manga(25)).hasValueSatisfying(manga -> assertThat(manga.has("relations")).isTrue());
        assertThat(fixtures.manga(113138)).hasValueSatisfying(manga ->
                assertThat(manga.get("title").asString()).isEqualTo("Jujutsu Kaisen"));
        assertThat(fixtures.allManga()).hasSizeGreaterThanOrEqualTo(9);
        // Anime bodies, and the anime entries of manga 25's relations, are not manga.
        assertThat(fixtures.manga(5114)).isEmpty();
        assertThat(fixtures.manga(121)).isEmpty();
    }

    @Test
    void magazineReferencesAreNotMangaThoughTheirUrlsLookAlike() {
        ObjectNode magazine = json.createObjectNode()
                .put("mal_id", 13).put("type", "manga").put("name", "Shounen Gangan").put("title", "Shounen Gangan")
                .put("url", "https://myanimelist.net/manga/magazine/13/Shounen_Gangan");
        ObjectNode manga = json.createObjectNode()
                .put("mal_id", 13).put("url", "https://myanimelist.net/manga/13/One_Piece").put("title", "One Piece");

        assertThat(JikanFixtureLoader.kindOf(magazine)).isEmpty();
        assertThat(JikanFixtureLoader.kindOf(manga)).contains(JikanKind.MANGA);
    }

    @Test
    void indexesCharactersAndStaffByTheAnimeIdInTheFileNameWithoutForeignKeys() {
        JikanFixtures fixtures = loader.load(Fixtures.dir().resolve("jikan"));

        assertThat(fixtures.subResource(11757, SubResource.CHARACTERS))
                .hasValueSatisfying(body -> assertThat(body.propertyNames()).containsExactly("data"));
        assertThat(fixtures.subResource(11757, SubResource.STAFF))
                .hasValueSatisfying(body -> assertThat(body.get("data")).hasSize(92));
        assertThat(fixtures.subResource(11757, SubResource.VIDEOS)).isEmpty();
    }

    @Test
    void producerAndGenreReferencesAreNotAnimeThoughTheirUrlsLookAlike() {
        ObjectNode producer = json.createObjectNode()
                .put("mal_id", 17).put("type", "anime").put("name", "Aniplex")
                .put("url", "https://myanimelist.net/anime/producer/17/Aniplex");
        producer.put("title", "Aniplex");
        ObjectNode anime = json.createObjectNode()
                .put("mal_id", 17).put("url", "https://myanimelist.net/anime/17/Kaze").put("title", "Kaze");

        assertThat(JikanFixtureLoader.isAnime(producer)).isFalse();
        assertThat(JikanFixtureLoader.isAnime(anime)).isTrue();
    }

    @Test
    void richestCopyOfAnAnimeWinsWhicheverFileComesFirst(@TempDir Path dir) throws IOException {
        String listEntry = "{\"mal_id\": 7, \"url\": \"https://myanimelist.net/anime/7/Kaze\", \"title\": \"Kaze\"}";
        String fullBody = "{\"mal_id\": 7, \"url\": \"https://myanimelist.net/anime/7/Kaze\", \"title\": \"Kaze\", "
                + "\"relations\": []}";
        Files.writeString(dir.resolve("a-search.json"), "{\"data\": [" + listEntry + "]}");
        Files.writeString(dir.resolve("b-anime-7-full.json"), "{\"data\": " + fullBody + "}");
        Files.writeString(dir.resolve("c-season.json"), "{\"data\": [" + listEntry + "]}");

        JikanFixtures fixtures = loader.load(dir);

        assertThat(fixtures.anime(7)).hasValueSatisfying(anime -> assertThat(anime.has("relations")).isTrue());
    }

    @Test
    void missingFolderServesNothingRecorded(@TempDir Path empty) {
        JikanFixtures fixtures = loader.load(empty.resolve("does-not-exist"));

        assertThat(fixtures.allAnime()).isEmpty();
        assertThat(fixtures.allManga()).isEmpty();
    }
}
