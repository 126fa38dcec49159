package com.trackgeek.simulator.jikan;

import com.trackgeek.simulator.Fixtures;
import com.trackgeek.simulator.SimulatorTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /manga?q=}: the recorded manga whose titles match, each the manga served by id, paged as Jikan pages. */
@SimulatorTest
class MangaSearchEndpointTest {

    private static final JsonNode JJK_SEARCH = Fixtures.read("jikan/search-manga-q-jujutsu-kaisen.json");

    private final JikanClient jikan;

    @Autowired
    MangaSearchEndpointTest(MockMvcTester mvc, JsonMapper jsonMapper) {
        this.jikan = new JikanClient(mvc, jsonMapper);
    }

    @Test
    void theRecordedHitsOfAQueryAreFoundWhateverItsCaseEachAsServedById() {
        JsonNode page = jikan.getOk("/manga?q=JUJUTSU KAISEN&limit=25");

        List<Long> found = ids(page.get("data"));
        for (JsonNode recorded : JJK_SEARCH.get("data")) {
            if (recorded.get("title").asString().toLowerCase().contains("jujutsu kaisen")) {
                assertThat(found).as(recorded.get("title").asString()).contains(recorded.get("mal_id").asLong());
            }
        }
        for (JsonNode entry : page.get("data")) {
            assertThat(entry.get("title").asString() + " " + entry.path("title_english").asString(""))
                    .containsIgnoringCase("jujutsu kaisen");
            assertThat(entry).isEqualTo(jikan.getOk("/manga/" + entry.get("mal_id").asLong()).get("data"));
        }
        assertThat(page.at("/pagination/items/total").asLong()).isEqualTo(found.size());
        assertThat(page.at("/pagination/has_next_page").asBoolean()).isFalse();
    }

    @Test
    void pagesFollowOneAnotherAndJikansLimitIsEnforced() {
        JsonNode first = jikan.getOk("/manga?q=jujutsu&limit=2&page=1");
        JsonNode second = jikan.getOk("/manga?q=jujutsu&limit=2&page=2");

        assertThat(first.at("/pagination/has_next_page").asBoolean()).isTrue();
        assertThat(ids(first.get("data"))).hasSize(2).doesNotContainAnyElementsOf(ids(second.get("data")));
        assertThat(jikan.get("/manga?q=jujutsu&limit=26").status()).isEqualTo(400);
        assertThat(jikan.getOk("/manga?q=no such manga anywhere").get("data").isEmpty()).isTrue();
    }

    private static List<Long> ids(JsonNode entries) {
        List<Long> ids = new ArrayList<>();
        entries.forEach(entry -> ids.add(entry.get("mal_id").asLong()));
        return ids;
    }
}
