package com.trackgeek.sync.provider.igdb;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.catalog.Game;
import com.trackgeek.sync.SharedSimulator;
import com.trackgeek.sync.provider.FetchOutcome;
import com.trackgeek.sync.provider.ProviderBodies;
import com.trackgeek.testsupport.Fixtures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IGDB answers many games in one array: a game whose summary drifted to 2 MB fails alone, as an invalid payload
 * naming the limit, and the other games of the same answer are fetched.
 */
class IgdbDriftedGameTest {

    private static final String GAMES = "/igdb/v4/games";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final IgdbTestProviders providers = new IgdbTestProviders();

    @AfterEach
    void cleanUp() {
        SharedSimulator.simulator().script().clear(GAMES);
        providers.close();
    }

    @Test
    void aGameWithA2MbSummaryFailsAloneAndTheOthersOfItsAnswerAreFetched() {
        ObjectNode godOfWar = (ObjectNode) JSON.readTree(Fixtures.body("igdb/games-19560-god-of-war-details.json")).get(0);
        // The recording's release dates name their platforms by bare id; the query we send expands them.
        godOfWar.remove("release_dates");
        ArrayNode answer = JSON.createArrayNode()
                .add(godOfWar.deepCopy().put("id", 940_001))
                .add(godOfWar.deepCopy().put("id", 940_002).put("summary", "x".repeat(2 * 1024 * 1024)));
        SharedSimulator.simulator().script().respondBody(GAMES, 200, JSON.writeValueAsString(answer));
        var provider = providers.provider(SharedSimulator.IGDB_CLIENT_ID, SharedSimulator.IGDB_CLIENT_SECRET, new SimpleMeterRegistry());

        List<FetchOutcome> outcomes = provider.fetchSeveral(MediaType.GAME, List.of(940_001L, 940_002L));

        assertThat(((Game) outcomes.get(0).itemOrThrow()).title()).isEqualTo(godOfWar.get("name").asString());
        assertThat(outcomes.get(1).succeeded()).isFalse();
        assertThat(outcomes.get(1).failure().code()).isEqualTo(ErrorCode.PROVIDER_PAYLOAD_INVALID);
        assertThat(outcomes.get(1).failure().getMessage())
                .contains("game 940002", "summary", String.valueOf(ProviderBodies.MAX_STRING_LENGTH));
    }
}
