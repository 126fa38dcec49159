package com.trackgeek.simulator.jikan;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Same id and seed, same body: across catalog instances, hence across restarts and replicas. */
class SyntheticDeterminismTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T00:00:00Z"), ZoneOffset.UTC);
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void freshCatalogsWithTheSameSeedSynthesiseIdenticalBodies() {
        for (long malId : new long[] {1, 999, 64_000, 96_001, 500_000}) {
            assertThat(json.writeValueAsString(catalog(7).full(malId)))
                    .as("anime %d", malId)
                    .isEqualTo(json.writeValueAsString(catalog(7).full(malId)));
        }
    }

    @Test
    void anotherSeedSynthesisesAnotherCatalog() {
        assertThat(catalog(7).full(999)).isNotEqualTo(catalog(8).full(999));
        assertThat(mangaCatalog(7).full(999)).isNotEqualTo(mangaCatalog(8).full(999));
    }

    @Test
    void freshMangaCatalogsWithTheSameSeedSynthesiseIdenticalBodies() {
        for (long malId : new long[] {1, 999, 64_000, 500_000}) {
            assertThat(json.writeValueAsString(mangaCatalog(7).full(malId)))
                    .as("manga %d", malId)
                    .isEqualTo(json.writeValueAsString(mangaCatalog(7).full(malId)));
            assertThat(json.writeValueAsString(mangaCatalog(7).characters(malId)))
                    .isEqualTo(json.writeValueAsString(mangaCatalog(7).characters(malId)));
        }
    }

    private MangaCatalog mangaCatalog(long seed) {
        JikanProperties properties = properties(seed);
        JikanFixtures fixtures = JikanFixtures.empty();
        SyntheticNames names = new SyntheticNames(seed);
        return new MangaCatalog(fixtures,
                new SyntheticMangaFactory(seed, SyntheticTitles.manga(seed), SyntheticTitles.anime(seed), names, CLOCK),
                new SyntheticPeopleFactory(seed, names), properties, new JikanScript(fixtures, properties), json);
    }

    private static JikanProperties properties(long seed) {
        return new JikanProperties(new JikanProperties.RateLimit(false, 3, 60),
                Duration.ZERO, 0, 0, Duration.ofSeconds(30), 1_000_000, 1000, seed);
    }

    private AnimeCatalog catalog(long seed) {
        JikanProperties properties = properties(seed);
        JikanFixtures fixtures = JikanFixtures.empty();
        SyntheticLayout layout = new SyntheticLayout(seed, properties.topSize(), fixtures);
        SyntheticTitles titles = SyntheticTitles.anime(seed);
        return new AnimeCatalog(fixtures, new SyntheticAnimeFactory(seed, layout, titles, CLOCK),
                new SyntheticPeopleFactory(seed, new SyntheticNames(seed)), new SyntheticVideosFactory(seed),
                properties, new JikanScript(fixtures, properties), json);
    }
}
