package com.trackgeek.pipeline;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The figures of the quality report ({@code infra/benchmarks/quality.sh}), on items made up for them. */
class NeighbourQualityTest {

    @Test
    void aFranchiseWordJoinsTitlesAndARelationJoinsItemsInEitherDirection() {
        EmbeddedItem naruto = item("ANIME:20", "Naruto", "Action", 1, 0);
        EmbeddedItem theLast = item("ANIME:16870", "The Last: Naruto the Movie", "Action", 1, 0);
        EmbeddedItem boruto = item("ANIME:28755", "Boruto: Naruto the Movie", "Action", 1, 0);
        EmbeddedItem lastBoss = item("ANIME:49979", "Akuyaku Reijou nano de Last Boss wo Kattemimashita", "Comedy", 1, 0);
        EmbeddedItem manga = new EmbeddedItem("MANGA:25", "Fullmetal Alchemist", Set.of(), Set.of("ANIME:5114"), new float[]{1, 0});
        EmbeddedItem anime = item("ANIME:5114", "Hagane no Renkinjutsushi", "Action", 1, 0);
        Franchises franchises = new Franchises(List.of(naruto, theLast, boruto, lastBoss, manga, anime));

        assertThat(franchises.share(theLast, boruto)).as("both name Naruto, which starts a title").isTrue();
        assertThat(franchises.share(theLast, lastBoss)).as("'last' starts no title: 'The' is skipped, not used").isFalse();
        assertThat(franchises.share(anime, manga)).as("the manga's relations name the anime").isTrue();
        assertThat(franchises.share(naruto, anime)).isFalse();
        assertThat(Franchises.isNaruto(boruto)).isTrue();
        assertThat(Franchises.isNaruto(lastBoss)).isFalse();
    }

    @Test
    void aNarutoEntryWhoseNearestNeighbourIsNoNarutoEntryIsCountedAndNamed() {
        List<EmbeddedItem> items = List.of(
                item("ANIME:20", "Naruto", "Action", 1, 0),
                item("ANIME:1735", "Naruto: Shippuuden", "Action", 0.9f, 0.1f),
                item("ANIME:53236", "Road of Naruto", "Fantasy", 0.1f, 1),
                item("ANIME:457", "Mushishi", "Mystery", 0, 1),
                item("ANIME:34382", "Citrus", "Romance", -1, 0.2f),
                item("ANIME:36838", "Gintama.", "Comedy", -1, -0.2f));

        NeighbourQuality quality = NeighbourQuality.of("test-model", items);

        assertThat(quality.items()).isEqualTo(6);
        assertThat(quality.narutoEntries()).isEqualTo(3);
        assertThat(quality.narutoOk()).isEqualTo(2);
        assertThat(quality.narutoMisses()).containsExactly("Road of Naruto -> Mushishi");
    }

    @Test
    void sharesCountTheNeighbourPairsAgainstRandomNeighboursAndTheCeiling() {
        List<EmbeddedItem> items = List.of(
                item("ANIME:1", "Alpha", "Action", 1, 0),
                item("ANIME:2", "Beta", "Action", 0.95f, 0.05f),
                item("ANIME:3", "Gamma", "Drama", 0.9f, 0.1f),
                item("ANIME:4", "Delta", "Drama", 0.85f, 0.15f),
                item("ANIME:5", "Epsilon", "Horror", 0.8f, 0.2f),
                item("ANIME:6", "Zeta", "Horror", 0.75f, 0.25f),
                item("ANIME:7", "Eta", "Action", -1, 0));

        NeighbourQuality byModel = NeighbourQuality.of("test-model", items);
        NeighbourQuality random = NeighbourQuality.atRandom(items);
        NeighbourQuality ceiling = NeighbourQuality.attainable(items);

        // The 5 nearest leave out the farthest (Eta for the others, Alpha for Eta) and hold one item of the genre
        // each: 7 of 35 pairs.
        assertThat(byModel.genre()).isCloseTo(7.0 / 35, within(1e-9));
        // Every item shares a genre with 1 of 6 others, Alpha, Beta and Eta with 2: (4 * 1/6 + 3 * 2/6) / 7.
        assertThat(random.genre()).isCloseTo((4.0 / 6 + 3 * 2.0 / 6) / 7, within(1e-9));
        // A perfect model finds them all: (4 * 1/5 + 3 * 2/5) / 7.
        assertThat(ceiling.genre()).isCloseTo((4.0 / 5 + 3 * 2.0 / 5) / 7, within(1e-9));
        assertThat(byModel.franchise()).isZero();
        assertThat(byModel.either()).isEqualTo(byModel.genre());
    }

    private static EmbeddedItem item(String key, String title, String genre, float x, float y) {
        return new EmbeddedItem(key, title, Set.of(genre), Set.of(), new float[]{x, y});
    }
}
