package com.trackgeek.sync.provider.jikan;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.catalog.Character;
import com.trackgeek.contracts.catalog.Link;
import com.trackgeek.contracts.catalog.MalEntry;
import com.trackgeek.contracts.catalog.Manga;
import com.trackgeek.contracts.catalog.Title;
import com.trackgeek.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Maps the real manga 25 {@code /full} body with every field the original service stored. No manga
 * {@code /characters} body was recorded; its entries are Jikan's anime character entries without voice
 * actors, so SAO's recorded characters body stands in for it (its voice actors are not read).
 */
class JikanMangaMapperTest {

    private final JsonMapper jikanJson = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Manga fullmetalAlchemist() {
        var full = jikanJson.readValue(Fixtures.body("jikan/manga-25-fma-full-constructed.json"), JikanResponses.MangaEnvelope.class);
        var characters = jikanJson.readValue(Fixtures.body("jikan/anime-11757-sao-characters.json"),
                JikanResponses.MangaCharactersEnvelope.class);
        return JikanMangaMapper.toManga(full.data(), characters.data());
    }

    @Test
    void mapsTheScalarsOfAFullBody() {
        Manga manga = fullmetalAlchemist();

        assertThat(manga.key()).isEqualTo(MediaKey.of(MediaType.MANGA, 25));
        assertThat(manga.url()).isEqualTo("https://myanimelist.net/manga/25/Fullmetal_Alchemist");
        assertThat(manga.imageUrl()).isEqualTo("https://cdn.myanimelist.net/images/manga/3/243675l.jpg");
        assertThat(manga.title()).isEqualTo("Fullmetal Alchemist");
        assertThat(manga.type()).isEqualTo("Manga");
        assertThat(manga.chapters()).isEqualTo(116);
        assertThat(manga.volumes()).isEqualTo(27);
        assertThat(manga.status()).isEqualTo("Finished");
        assertThat(manga.publishing()).isFalse();
        assertThat(manga.lifecycle()).as("finished on its last published day")
                .isEqualTo(com.trackgeek.contracts.catalog.Lifecycle.finished(java.time.LocalDate.of(2010, 9, 11)));
        assertThat(manga.score()).isEqualByComparingTo(new BigDecimal("9.04"));
        assertThat(manga.scoredBy()).isEqualTo(147230);
        assertThat(manga.rank()).isEqualTo(7);
        assertThat(manga.popularity()).isEqualTo(18);
        assertThat(manga.members()).isEqualTo(271617);
        assertThat(manga.favorites()).isEqualTo(28956);
        assertThat(manga.synopsis()).startsWith("Alchemists are knowledgeable").endsWith("[Written by MAL Rewrite]");
        assertThat(manga.background()).startsWith("Hagane no Renkinjutsushi won the 49th Shogakukan Manga Award");
    }

    @Test
    void mapsThePublishedDatesAsInstantsWithJikansWording() {
        Manga manga = fullmetalAlchemist();

        assertThat(manga.published().from()).isEqualTo(Instant.parse("2001-07-12T00:00:00Z"));
        assertThat(manga.published().to()).isEqualTo(Instant.parse("2010-09-11T00:00:00Z"));
        assertThat(manga.published().text()).isEqualTo("Jul 12, 2001 to Sep 11, 2010");
        assertThat(manga.releasedOn()).isEqualTo(LocalDate.of(2001, 7, 12));
        assertThat(manga.releaseYear()).isEqualTo(2001);
    }

    @Test
    void mapsTheTitleAndEveryAlternativeTitle() {
        Manga manga = fullmetalAlchemist();

        assertThat(manga.titles()).hasSize(13);
        assertThat(manga.titles()).contains(new Title("Default", "Fullmetal Alchemist"),
                new Title("Synonym", "HagaRen"), new Title("Japanese", "鋼の錬金術師"), new Title("English", "Fullmetal Alchemist"));
        assertThat(manga.alternativeTitles()).containsExactly("Full Metal Alchemist", "Hagane no Renkinjutsushi", "FMA",
                "HagaRen", "Fullmetal Alchemist Gaiden", "鋼の錬金術師");
    }

    @Test
    void mapsAuthorsSerializationsAndEveryKindOfGenre() {
        Manga manga = fullmetalAlchemist();

        assertThat(manga.authors()).containsExactly(
                new MalEntry(1874L, "people", "Arakawa, Hiromu", "https://myanimelist.net/people/1874/Hiromu_Arakawa"));
        assertThat(manga.serializations()).containsExactly(
                new MalEntry(13L, "manga", "Shounen Gangan", "https://myanimelist.net/manga/magazine/13/Shounen_Gangan"));
        assertThat(manga.genres()).extracting(MalEntry::name)
                .containsExactly("Action", "Adventure", "Award Winning", "Drama", "Fantasy");
        assertThat(manga.explicitGenres()).isEmpty();
        assertThat(manga.themes()).extracting(MalEntry::name).containsExactly("Military");
        assertThat(manga.demographics()).extracting(MalEntry::malId, MalEntry::name).containsExactly(tuple(27L, "Shounen"));
    }

    @Test
    void mapsRelationsToAnimeAndExternalLinks() {
        Manga manga = fullmetalAlchemist();

        assertThat(manga.relations()).hasSize(1);
        var adaptation = manga.relations().getFirst();
        assertThat(adaptation.relation()).isEqualTo("Adaptation");
        assertThat(adaptation.entries()).extracting(MalEntry::malId, MalEntry::type, MalEntry::name).containsExactly(
                tuple(121L, "anime", "Fullmetal Alchemist"), tuple(5114L, "anime", "Fullmetal Alchemist: Brotherhood"));
        assertThat(manga.externalLinks()).extracting(Link::name, Link::url).containsExactly(
                tuple("Wikipedia", "https://en.wikipedia.org/wiki/Fullmetal_Alchemist"),
                tuple("Wikipedia", "https://ja.wikipedia.org/wiki/%E9%8B%BC%E3%81%AE%E9%8C%AC%E9%87%91%E8%A1%93%E5%B8%AB"));
    }

    @Test
    void mapsCharactersWithTheirRolesAndNoVoiceActors() {
        Manga manga = fullmetalAlchemist();

        assertThat(manga.characters()).hasSize(48);
        Character first = manga.characters().getFirst();
        assertThat(first.malId()).isEqualTo(36765);
        assertThat(first.name()).isEqualTo("Kirigaya, Kazuto");
        assertThat(first.url()).isEqualTo("https://myanimelist.net/character/36765/Kazuto_Kirigaya");
        assertThat(first.imageUrl()).startsWith("https://cdn.myanimelist.net/images/characters/7/204821.jpg");
        assertThat(first.role()).isEqualTo("Main");
        assertThat(manga.characters()).extracting(Character::role).containsOnly("Main", "Supporting");
        assertThat(manga.characters()).allSatisfy(character -> assertThat(character.voiceActors()).isEmpty());
    }

    @Test
    void aPlainBodyWithoutTheFullOnlyKeysAndWithoutCharactersStillMapsWithEmptyLists() {
        var plain = jikanJson.readValue(Fixtures.body("jikan/manga-25-fullmetal-alchemist.json"), JikanResponses.MangaEnvelope.class);

        Manga manga = JikanMangaMapper.toManga(plain.data(), null);

        assertThat(manga.title()).isEqualTo("Fullmetal Alchemist");
        assertThat(manga.chapters()).isEqualTo(116);
        assertThat(manga.relations()).isEmpty();
        assertThat(manga.externalLinks()).isEmpty();
        assertThat(manga.characters()).isEmpty();
    }
}
