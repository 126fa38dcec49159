package com.trackgeek.embedding.item;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnimeFieldsTest {

    private static final AnimeFields FMAB = new AnimeFields("Fullmetal Alchemist: Brotherhood",
            List.of("Fullmetal Alchemist: Brotherhood", "Hagane no Renkinjutsushi: Fullmetal Alchemist", "鋼の錬金術師",
                    "hagane no renkinjutsushi: fullmetal alchemist", " "),
            "TV", List.of("Action", "Adventure"), List.of("Military"), List.of("Shounen"),
            "Alchemy rules the world.\n\n[Written by MAL Rewrite]");

    @Test
    void theTextNamesTheItemItsKindAndItsStory() {
        assertThat(FMAB.toEmbeddingText().text()).isEqualTo("""
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
        var bare = new AnimeFields("Mushishi", List.of(), null, List.of(), List.of(), List.of(), null);

        assertThat(bare.toEmbeddingText().text()).isEqualTo("Mushishi");
    }

    @Test
    void theHashFollowsTheTextAndOnlyTheText() {
        var same = new AnimeFields(FMAB.title(), FMAB.alternativeTitles(), FMAB.type(), FMAB.genres(), FMAB.themes(),
                FMAB.demographics(), FMAB.synopsis());
        var otherSynopsis = new AnimeFields(FMAB.title(), FMAB.alternativeTitles(), FMAB.type(), FMAB.genres(),
                FMAB.themes(), FMAB.demographics(), "Alchemy rules the world, at a price.");

        assertThat(same.toEmbeddingText().hash()).isEqualTo(FMAB.toEmbeddingText().hash()).hasSize(64);
        assertThat(otherSynopsis.toEmbeddingText().hash()).isNotEqualTo(FMAB.toEmbeddingText().hash());
    }
}
