package com.trackgeek.simulator.jikan;

import com.trackgeek.simulator.Fixtures;
import com.trackgeek.simulator.JsonShape;
import com.trackgeek.simulator.SimulatorTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@SimulatorTest
class SubResourceEndpointsTest {

    private static final JsonNode SAO_CHARACTERS = Fixtures.read("jikan/anime-11757-sao-characters.json");
    private static final JsonNode SAO_STAFF = Fixtures.read("jikan/anime-11757-sao-staff.json");

    private final JikanClient jikan;

    @Autowired
    SubResourceEndpointsTest(MockMvcTester mvc, JsonMapper jsonMapper) {
        this.jikan = new JikanClient(mvc, jsonMapper);
    }

    @Test
    void recordedCharactersAreServedWithoutTheFixtureAuthorsExtraKey() {
        JsonNode body = jikan.getOk("/anime/11757/characters");

        assertThat(body.propertyNames()).containsExactly("data");
        assertThat(body.get("data")).isEqualTo(SAO_CHARACTERS.get("data"));
        assertThat(body.get("data")).hasSize(48);
        assertThat(body.at("/data/0/character/name").asString()).isEqualTo("Kirigaya, Kazuto");
    }

    @Test
    void recordedStaffAreServedWithoutTheFixtureAuthorsExtraKey() {
        JsonNode body = jikan.getOk("/anime/11757/staff");

        assertThat(body.propertyNames()).containsExactly("data");
        assertThat(body.get("data")).isEqualTo(SAO_STAFF.get("data"));
    }

    @Test
    void synthesisedCharactersAndStaffHaveTheRecordedShapes() {
        JsonNode characters = jikan.getOk("/anime/5114/characters");
        JsonNode staff = jikan.getOk("/anime/777777/staff");

        assertThat(characters.get("data")).isNotEmpty();
        assertThat(staff.get("data")).isNotEmpty();
        JsonShape.assertSameShape(SAO_CHARACTERS.get("data"), characters.get("data"));
        JsonShape.assertSameShape(SAO_STAFF.get("data"), staff.get("data"));
        staff.get("data").forEach(member -> assertThat(member.get("positions")).isNotEmpty());
        assertThat(jikan.getOk("/anime/5114/characters")).isEqualTo(characters);
    }

    @Test
    void synthesisedVideosHaveJikansShape() {
        JsonNode data = jikan.getOk("/anime/5114/videos").get("data");

        assertThat(data.propertyNames()).containsExactly("promo", "episodes", "music_videos");
        assertThat(data.get("promo")).isNotEmpty();
        assertThat(data.at("/promo/0").propertyNames()).containsExactly("title", "trailer");
        assertThat(data.at("/promo/0/trailer").propertyNames())
                .containsExactly("youtube_id", "url", "embed_url", "images");
        assertThat(data.get("episodes")).hasSize(12);
        assertThat(data.at("/episodes/0").propertyNames())
                .containsExactly("mal_id", "url", "title", "episode", "images");
        assertThat(data.at("/episodes/0/url").asString())
                .isEqualTo("https://myanimelist.net/anime/5114/Fullmetal_Alchemist__Brotherhood/episode/12");
        for (JsonNode musicVideo : data.get("music_videos")) {
            assertThat(musicVideo.propertyNames()).containsExactly("title", "video", "meta");
            assertThat(musicVideo.get("meta").propertyNames()).containsExactly("title", "author");
        }
    }
}
