package com.trackgeek.contracts.catalog;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What movies and TV shows derive for the catalog, and that their documents read back as they were written. */
class ScreenItemsTest {

    private static final Movie SPIRITED_AWAY = new Movie(129, "tt0245429", "Spirited Away", "千と千尋の神隠し", "ja",
            "Nothing that happens is ever forgotten.", "A girl wanders into a world of spirits.", "/poster.jpg", null,
            List.of(new ScreenVideo("ByXuk9QqQkk", "YouTube", "Trailer", "Trailer", true, "en", "US", 1080,
                    Instant.parse("2019-02-24T04:36:14Z"), "5c72")),
            19_000_000L, 274_925_095L, LocalDate.of(2001, 7, 20), "Released",
            List.of(new ProductionCompany(10342L, "Studio Ghibli", "/logo.png", "JP")),
            List.of(new ProductionCountry("JP", "Japan")), List.of(new SpokenLanguage("ja", "Japanese", "日本語")),
            null, List.of(new CastCredit(19587L, "Rumi Hiiragi", "柊瑠美", "Chihiro (voice)", 0, "Acting", null, "52fe")),
            List.of(new CrewCredit(608L, "Hayao Miyazaki", "宮崎駿", "Directing", "Director", "Directing", "/m.jpg", "52ff")),
            new BigDecimal("98.765"), 125, List.of(new Genre(16L, "Animation"), new Genre(14L, "Fantasy")), "");

    private static final TvShow LUPIN = new TvShow(96677, "Lupin", "Lupin", "fr", "", "Scripted",
            "A gentleman thief.", "/p.jpg", "/b.jpg", List.of(new TvCreator(1287248L, "George Kay", null, "5dfc")),
            List.of(), List.of(new ProductionCountry("FR", "France")), List.of(new TvNetwork(213L, "Netflix", "/n.png", "")),
            true, "Returning Series", List.of("fr"), List.of(), 5, 1, List.of(48),
            List.of(new TvSeason(157243L, 1, "Season 1", "", LocalDate.of(2021, 1, 8), "/s.jpg", 5,
                    List.of(new TvEpisode(1L, 1, 1, "Chapter 1", "", null, null, "", 47)))),
            LocalDate.of(2021, 1, 8), LocalDate.of(2021, 1, 8), null, null, null, List.of(),
            new BigDecimal("183.04"), "https://www.netflix.com/title/80994082", List.of("FR"),
            List.of(new Genre(80L, "Crime"), new Genre(18L, "Drama")));

    @Test
    void aMovieIsKnownByItsOriginalTitleTooAndDescribedByGenresTaglineAndOverview() {
        assertThat(SPIRITED_AWAY.key()).isEqualTo(MediaKey.of(MediaType.MOVIE, 129));
        assertThat(SPIRITED_AWAY.alternativeTitles()).containsExactly("千と千尋の神隠し");
        assertThat(SPIRITED_AWAY.releaseYear()).isEqualTo(2001);
        assertThat(SPIRITED_AWAY.releasedOn()).isEqualTo(LocalDate.of(2001, 7, 20));
        assertThat(SPIRITED_AWAY.releaseStatus()).isEqualTo("Released");
        assertThat(SPIRITED_AWAY.description().toText()).isEqualTo("""
                Spirited Away
                Also known as: 千と千尋の神隠し
                Type: Movie
                Genres: Animation, Fantasy
                Nothing that happens is ever forgotten. A girl wanders into a world of spirits.""");
    }

    @Test
    void aShowIsTitledByItsNameAndAnUnchangedOriginalNameIsNoAlternative() {
        assertThat(LUPIN.key()).isEqualTo(MediaKey.of(MediaType.TV_SHOW, 96677));
        assertThat(LUPIN.title()).isEqualTo("Lupin");
        assertThat(LUPIN.alternativeTitles()).isEmpty();
        assertThat(LUPIN.releaseYear()).isEqualTo(2021);
        assertThat(LUPIN.cast()).isEmpty();
        assertThat(LUPIN.description().toText()).isEqualTo("""
                Lupin
                Type: TV show (Scripted)
                Genres: Crime, Drama
                A gentleman thief.""");
    }

    @Test
    void documentsReadBackAsTheRecordsTheyWereWrittenFrom() {
        JsonMapper json = JsonMapper.builder().build();

        assertThat(json.readValue(json.writeValueAsString(SPIRITED_AWAY), Movie.class)).isEqualTo(SPIRITED_AWAY);
        String show = json.writeValueAsString(LUPIN);
        assertThat(json.readValue(show, TvShow.class)).isEqualTo(LUPIN);
        assertThat(json.readTree(show).has("title")).as("the name is stored once").isFalse();
        assertThat(json.readTree(show).has("description")).isFalse();
    }
}
