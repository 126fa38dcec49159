package com.trackgeek.sync.drift;

import com.trackgeek.sync.command.AbstractWorkerIntegrationTest;
import com.trackgeek.testsupport.Fixtures;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.UUID;

import static com.trackgeek.contracts.MediaType.ANIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The drift alarm where refreshes are written: Jikan starts answering Fullmetal Alchemist: Brotherhood's recorded
 * body without its genres and alternative titles; the refresh is refused with {@code PROVIDER_DRIFT_REFUSED} and
 * the stored item keeps every genre and title it had. (How a provider whose refreshes keep degrading trips the
 * alarm for all its refreshes is {@code DriftGuardTest}'s, on the same real items.)
 */
class DriftRefusalIntegrationTest extends AbstractWorkerIntegrationTest {

    @Autowired
    private MeterRegistry meters;

    @Test
    void aRefreshThatWouldDropGenresAndTitlesIsRefusedAndTheStoredItemKeepsThem() {
        long id = recorded(ANIME, 5114);
        UUID fetch = request(ANIME, id);
        await().atMost(PATIENCE).until(() -> requestStatus(fetch).equals("done"));
        JsonNode before = document(ANIME, id).orElseThrow();
        assertThat(before.get("genres").size()).isPositive();
        double degradedBefore = degradedRefreshes();

        String full = jikanPath(ANIME, id, "full");
        jikan().script().respondBody(full, 200, withoutGenresAndAlternativeTitles(id));
        jdbc.sql("update sync_state set stale_after = now() - interval '1 day' where media_type = 'ANIME' and provider_id = :id")
                .param("id", id).update();
        try {
            UUID refresh = refresh(id);

            assertThat(requestStatus(refresh)).isEqualTo("failed");
            assertThat(requestErrorCode(refresh)).isEqualTo("PROVIDER_DRIFT_REFUSED");
            assertThat(document(ANIME, id)).as("the stored item is kept as it was").contains(before);
            assertThat(degradedRefreshes()).isEqualTo(degradedBefore + 1);
            assertThat(jdbc.sql("select stale_after > now() + interval '5 hours' from sync_state where media_type = 'ANIME' and provider_id = :id")
                    .param("id", id).query(Boolean.class).single())
                    .as("a failed refresh is tried again after failed-retry, not by the next reader").isTrue();
        } finally {
            jikan().script().clear(full);
        }

        UUID healthy = refresh(id);
        assertThat(requestStatus(healthy)).as("the provider's whole answer is written again").isEqualTo("done");
    }

    /** The recorded body as a drifted Jikan would answer it: same item, its genres and other titles gone. */
    private String withoutGenresAndAlternativeTitles(long id) {
        ObjectNode body = (ObjectNode) json.readTree(Fixtures.body("jikan/anime-5114-fmab-full-readme-example.json"));
        ObjectNode data = (ObjectNode) body.get("data");
        data.put("mal_id", id);
        data.putArray("genres");
        data.putArray("titles").addObject().put("type", "Default").put("title", data.get("title").asString());
        data.putArray("title_synonyms");
        data.putNull("title_english");
        data.putNull("title_japanese");
        return json.writeValueAsString(body);
    }

    private UUID refresh(long id) {
        return refreshAndWait(ANIME, id);
    }

    private double degradedRefreshes() {
        var counter = meters.find("trackgeek.sync.drift.degraded").tag("provider", "jikan").counter();
        return counter == null ? 0 : counter.count();
    }
}
