package com.trackgeek.simulator.jikan;

import com.trackgeek.simulator.Fixtures;
import com.trackgeek.simulator.SimulatorTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SimulatorTest
class JikanScriptTest {

    private static final JsonNode FMAB_FULL = Fixtures.read("jikan/anime-5114-fmab-full-readme-example.json");
    private static final JsonNode FMA_FULL = Fixtures.read("jikan/manga-25-fma-full-constructed.json");
    private static final JsonNode FMA_PLAIN = Fixtures.read("jikan/manga-25-fullmetal-alchemist.json");

    private final JikanClient jikan;
    private final JikanScript script;

    @Autowired
    JikanScriptTest(MockMvcTester mvc, JsonMapper jsonMapper, JikanScript script) {
        this.jikan = new JikanClient(mvc, jsonMapper);
        this.script = script;
    }

    @AfterEach
    void forgetStandIns() {
        script.reset();
    }

    @Test
    void anAnimeIdIsAnsweredWithFmabsRecordedBodiesRenumbered() {
        script.serveRecordedAs("anime", 700_001, 5114);

        JsonNode full = jikan.getOk("/anime/700001/full");
        JsonNode plain = jikan.getOk("/anime/700001").get("data");

        assertThat(full).isEqualTo(renumbered(FMAB_FULL, 700_001,
                "https://myanimelist.net/anime/700001/Fullmetal_Alchemist__Brotherhood"));
        assertThat(plain).isEqualTo(((ObjectNode) full.get("data").deepCopy()).remove(AnimeShape.FULL_ONLY_KEYS));
        // Nothing recorded for 5114's cast: the one synthesised for 5114.
        assertThat(jikan.getOk("/anime/700001/characters")).isEqualTo(jikan.getOk("/anime/5114/characters"));
        assertThat(jikan.getOk("/anime/700001/staff")).isEqualTo(jikan.getOk("/anime/5114/staff"));
        assertThat(jikan.getOk("/anime/5114/full")).as("the recorded id itself is unchanged").isEqualTo(FMAB_FULL);
    }

    @Test
    void recordedSubResourcesComeWithTheStandIn() {
        // SAO's cast and staff are recorded, its body is not: the stand-in serves the recorded lists.
        script.serveRecordedAs("anime", 700_002, 11757);

        assertThat(jikan.getOk("/anime/700002/characters").get("data"))
                .isEqualTo(Fixtures.read("jikan/anime-11757-sao-characters.json").get("data"));
        assertThat(jikan.getOk("/anime/700002/staff").get("data"))
                .isEqualTo(Fixtures.read("jikan/anime-11757-sao-staff.json").get("data"));
        assertThat(jikan.getOk("/anime/700002/full").at("/data/mal_id").asLong()).isEqualTo(700_002);
    }

    @Test
    void aMangaIdIsAnsweredWithFullmetalAlchemistsRecordedBodiesRenumbered() {
        script.serveRecordedAs("manga", 800_001, 25);

        String url = "https://myanimelist.net/manga/800001/Fullmetal_Alchemist";
        assertThat(jikan.getOk("/manga/800001/full")).isEqualTo(renumbered(FMA_FULL, 800_001, url));
        assertThat(jikan.getOk("/manga/800001")).isEqualTo(renumbered(FMA_PLAIN, 800_001, url));
        assertThat(jikan.getOk("/manga/800001/characters")).isEqualTo(jikan.getOk("/manga/25/characters"));
        assertThat(jikan.getOk("/anime/800001/full").at("/data/title").asString())
                .as("the anime of the same id is not affected").isNotEqualTo("Fullmetal Alchemist");
    }

    @Test
    void aStandInServesIdsAboveTheNotFoundThresholdUntilReset() {
        script.serveRecordedAs("anime", 5_000_000, 5114);
        script.serveRecordedAs("anime", 700_003, 5114);

        assertThat(jikan.get("/anime/5000000/full").status()).isEqualTo(200);

        script.reset();
        assertThat(jikan.get("/anime/5000000/full").status()).isEqualTo(404);
        assertThat(jikan.getOk("/anime/700003/full").at("/data/title").asString())
                .as("synthesised again").isNotEqualTo("Fullmetal Alchemist: Brotherhood");
    }

    @Test
    void unknownKindsAndMissingRecordingsAreRejectedAtOnce() {
        assertThatThrownBy(() -> script.serveRecordedAs("movie", 1, 5114)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> script.serveRecordedAs("anime", 1, 2_000_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2000000");
        assertThatThrownBy(() -> script.serveRecordedAs("manga", 0, 25)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRecordedIdsAreTheRealItemsOfTheFixturesAndNoSynthesisedOne() {
        assertThat(script.recordedIds("anime")).contains(5114L, 457L, 20L, 1735L).doesNotContain(1L, 700_001L);
        assertThat(script.recordedIds("manga")).contains(25L, 113138L).doesNotContain(5114L);
        assertThatThrownBy(() -> script.recordedIds("movie")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Parsed bodies hold small numbers as ints, so the expected id is one too. */
    private static JsonNode renumbered(JsonNode body, int malId, String url) {
        ObjectNode copy = (ObjectNode) body.deepCopy();
        ((ObjectNode) copy.get("data")).put("mal_id", malId).put("url", url);
        return copy;
    }
}
