package com.trackgeek.contracts.catalog;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ItemDescriptionTest {

    private static final ItemDescription FMAB = new ItemDescription("Fullmetal Alchemist: Brotherhood",
            List.of("Fullmetal Alchemist: Brotherhood", "Hagane no Renkinjutsushi: Fullmetal Alchemist", "鋼の錬金術師",
                    "hagane no renkinjutsushi: fullmetal alchemist", " "),
            "TV", tags("Genres", List.of("Action", "Adventure"), "Themes", List.of("Military"),
            "Demographics", List.of("Shounen")),
            "Alchemy rules the world.\n\n[Written by MAL Rewrite]");

    @Test
    void theTextNamesTheItemItsKindItsTagsAndItsStory() {
        assertThat(FMAB.toText()).isEqualTo("""
                Fullmetal Alchemist: Brotherhood
                Also known as: Hagane no Renkinjutsushi: Fullmetal Alchemist; 鋼の錬金術師
                Type: TV
                Genres: Action, Adventure
                Themes: Military
                Demographics: Shounen
                Alchemy rules the world.""");
    }

    @Test
    void absentPartsAreLeftOut() {
        var bare = new ItemDescription("Mushishi", null, null, tags("Genres", List.of(), "Themes", List.of(" ")), null);

        assertThat(bare.toText()).isEqualTo("Mushishi");
    }

    @Test
    void anAnimeAndAMangaDescribeThemselvesTheSameWay() {
        var genres = List.of(new MalEntry(1L, "anime", "Action", null));
        var anime = new Anime(5114, null, null, null, "FMA", List.of(new Title("Japanese", "鋼")), "TV", null, 64,
                null, null, null, null, null, null, null, null, null, null, null, "Alchemy.", null, null, null, null,
                null, null, null, genres, null, null, null, null, null, null, null, null, null);
        var manga = new Manga(25, null, null, "FMA", List.of(new Title("Japanese", "鋼")), "TV", 116, 27, null, null,
                null, null, null, null, null, null, null, "Alchemy.", null, null, null, genres, null, null, null, null,
                null, null);

        assertThat(anime.description().toText()).isEqualTo(manga.description().toText())
                .isEqualTo("FMA\nAlso known as: 鋼\nType: TV\nGenres: Action\nAlchemy.");
    }

    private static Map<String, List<String>> tags(Object... labelsAndValues) {
        Map<String, List<String>> tags = new LinkedHashMap<>();
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> values = (List<String>) labelsAndValues[i + 1];
            tags.put((String) labelsAndValues[i], values);
        }
        return tags;
    }
}
