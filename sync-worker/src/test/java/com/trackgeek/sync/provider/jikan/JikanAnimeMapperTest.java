package com.trackgeek.sync.provider.jikan;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.catalog.Anime;
import com.trackgeek.contracts.catalog.Lifecycle;
import com.trackgeek.contracts.catalog.Link;
import com.trackgeek.contracts.catalog.MalEntry;
import com.trackgeek.contracts.catalog.Relation;
import com.trackgeek.contracts.catalog.Title;
import com.trackgeek.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Maps the real recorded Jikan bodies. */
class JikanAnimeMapperTest {

    private final JsonMapper jikanJson = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Anime fullmetalAlchemist() {
        var full = jikanJson.readValue(Fixtures.body("jikan/anime-5114-fmab-full-readme-example.json"), JikanResponses.AnimeEnvelope.class);
        var characters = jikanJson.readValue(Fixtures.body("jikan/anime-11757-sao-characters.json"), JikanResponses.CharactersEnvelope.class);
        var staff = jikanJson.readValue(Fixtures.body("jikan/anime-11757-sao-staff.json"), JikanResponses.StaffEnvelope.class);
        return JikanAnimeMapper.toAnime(full.data(), characters.data(), staff.data(), null);
    }

    @Test
    void mapsTheScalarsOfAFullBody() {
        Anime anime = fullmetalAlchemist();

        assertThat(anime.malId()).isEqualTo(5114);
        assertThat(anime.key()).isEqualTo(MediaKey.of(MediaType.ANIME, 5114));
        assertThat(anime.url()).isEqualTo("https://myanimelist.net/anime/5114/Fullmetal_Alchemist__Brotherhood");
        assertThat(anime.title()).isEqualTo("Fullmetal Alchemist: Brotherhood");
        assertThat(anime.type()).isEqualTo("TV");
        assertThat(anime.source()).isEqualTo("Manga");
        assertThat(anime.numberOfEpisodes()).isEqualTo(64);
        assertThat(anime.status()).isEqualTo("Finished Airing");
        assertThat(anime.airing()).isFalse();
        assertThat(anime.aired().from()).isEqualTo(Instant.parse("2009-04-05T00:00:00Z"));
        assertThat(anime.aired().to()).isEqualTo(Instant.parse("2010-07-04T00:00:00Z"));
        assertThat(anime.aired().text()).isEqualTo("Apr 5, 2009 to Jul 4, 2010");
        assertThat(anime.score()).isEqualByComparingTo(new BigDecimal("9.1"));
        assertThat(anime.rank()).isEqualTo(1);
        assertThat(anime.season()).isEqualTo("spring");
        assertThat(anime.year()).isEqualTo(2009);
        assertThat(anime.background()).isNull();
        assertThat(anime.imageUrl()).isEqualTo("https://cdn.myanimelist.net/images/anime/1208/94745l.jpg");
        assertThat(anime.broadcast().text()).isEqualTo("Sundays at 17:00 (JST)");
        assertThat(anime.trailer().youtubeId()).isEqualTo("--IcmZkvL0Q");
        assertThat(anime.lifecycle()).as("finished on its last aired day")
                .isEqualTo(Lifecycle.finished(java.time.LocalDate.of(2010, 7, 4)));
    }

    @Test
    void mapsTitlesAndNamedResources() {
        Anime anime = fullmetalAlchemist();

        assertThat(anime.titles()).extracting(Title::title)
                .contains("Fullmetal Alchemist: Brotherhood", "FMAB", "Hagane no Renkinjutsushi: Fullmetal Alchemist");
        assertThat(anime.studios()).extracting(MalEntry::name).containsExactly("Bones");
        assertThat(anime.genres()).extracting(MalEntry::name).contains("Action", "Adventure");
        assertThat(anime.themes()).extracting(MalEntry::name).containsExactly("Military");
        assertThat(anime.demographics()).extracting(MalEntry::name).containsExactly("Shounen");
        assertThat(anime.explicitGenres()).isEmpty();
        assertThat(anime.relations()).extracting(Relation::relation).contains("Adaptation");
        assertThat(anime.theme().openings()).isNotEmpty().first().asString().contains("again");
        assertThat(anime.externalLinks()).extracting(Link::name).contains("Official Site");
    }

    @Test
    void mapsCharactersWithVoiceActorsAndStaffWithPositions() {
        Anime anime = fullmetalAlchemist();

        assertThat(anime.characters()).hasSize(48);
        var kirito = anime.characters().getFirst();
        assertThat(kirito.name()).isEqualTo("Kirigaya, Kazuto");
        assertThat(kirito.role()).isEqualTo("Main");
        assertThat(kirito.voiceActors()).extracting(actor -> actor.person().name()).contains("Papenbrook, Bryce");
        assertThat(anime.staff()).hasSize(92);
        assertThat(anime.staff().getFirst().person().name()).isEqualTo("Iwakami, Atsuhiro");
        assertThat(anime.staff().getFirst().positions()).containsExactly("Producer");
    }

    @Test
    void aPlainBodyWithoutTheFullOnlyKeysStillMapsWithEmptyLists() {
        var plain = jikanJson.readValue(Fixtures.body("jikan/anime-457-mushishi.json"), JikanResponses.AnimeEnvelope.class);

        Anime anime = JikanAnimeMapper.toAnime(plain.data(), null, null, null);

        assertThat(anime.title()).isEqualTo("Mushishi");
        assertThat(anime.relations()).isEmpty();
        assertThat(anime.externalLinks()).isEmpty();
        assertThat(anime.characters()).isEmpty();
        assertThat(anime.videos().promo()).isEmpty();
    }
}
