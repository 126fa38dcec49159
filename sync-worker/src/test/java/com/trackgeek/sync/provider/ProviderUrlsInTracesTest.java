package com.trackgeek.sync.provider;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderUrlsInTracesTest {

    private final ProviderUrlsInTraces configuration = new ProviderUrlsInTraces();

    @Test
    void aProviderCallsSpanKeepsItsPathButNotItsQueryWhereATmdbKeyTravels() {
        var context = new Observation.Context();
        context.addHighCardinalityKeyValue(KeyValue.of("http.url",
                "https://api.themoviedb.org/3/movie/671?append_to_response=credits&api_key=secret-v3-key"));

        configuration.providerUrlsWithoutQuery().map(context);

        assertThat(context.getHighCardinalityKeyValue("http.url").getValue()).isEqualTo("https://api.themoviedb.org/3/movie/671");
    }

    @Test
    void aUrlWithoutQueryAndAnObservationWithoutUrlAreLeftAlone() {
        var withUrl = new Observation.Context();
        withUrl.addHighCardinalityKeyValue(KeyValue.of("http.url", "https://api.jikan.moe/v4/anime/5114/full"));
        var withoutUrl = new Observation.Context();

        configuration.providerUrlsWithoutQuery().map(withUrl);
        configuration.providerUrlsWithoutQuery().map(withoutUrl);

        assertThat(withUrl.getHighCardinalityKeyValue("http.url").getValue()).isEqualTo("https://api.jikan.moe/v4/anime/5114/full");
        assertThat(withoutUrl.getHighCardinalityKeyValue("http.url")).isNull();
    }
}
