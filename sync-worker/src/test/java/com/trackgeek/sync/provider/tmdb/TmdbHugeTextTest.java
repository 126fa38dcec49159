package com.trackgeek.sync.provider.tmdb;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.Provider;
import com.trackgeek.sync.provider.ProviderBodies;
import com.trackgeek.sync.provider.ProviderException;
import com.trackgeek.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real TMDB movie body whose overview drifted to 2 MB: refused while it is read, as an invalid payload naming the
 * field, so nothing of it reaches the store; an overview as long as the limit still reads.
 */
class TmdbHugeTextTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ProviderBodies bodies = ProviderBodies.snakeCase(Provider.TMDB);

    @Test
    void aMovieBodyWithA2MbOverviewIsAnInvalidPayloadNamingTheLimit() {
        byte[] drifted = harryPotterWithOverview("x".repeat(2 * 1024 * 1024));

        assertThatThrownBy(() -> bodies.parse(drifted, TmdbResponses.Movie.class, "/movie/671"))
                .isInstanceOfSatisfying(ProviderException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(ErrorCode.PROVIDER_PAYLOAD_INVALID);
                    assertThat(failure.getMessage()).contains("/movie/671", String.valueOf(ProviderBodies.MAX_STRING_LENGTH));
                });
    }

    @Test
    void anOverviewAsLongAsTheLimitIsRead() {
        String overview = "x".repeat(ProviderBodies.MAX_STRING_LENGTH);

        var movie = bodies.parse(harryPotterWithOverview(overview), TmdbResponses.Movie.class, "/movie/671");

        assertThat(movie.overview()).isEqualTo(overview);
        assertThat(movie.title()).isEqualTo("Harry Potter and the Philosopher's Stone");
    }

    private static byte[] harryPotterWithOverview(String overview) {
        ObjectNode body = (ObjectNode) JSON.readTree(Fixtures.body("tmdb/movie-671-harry-potter-philosophers-stone.json"));
        return JSON.writeValueAsString(body.put("overview", overview)).getBytes(StandardCharsets.UTF_8);
    }
}
