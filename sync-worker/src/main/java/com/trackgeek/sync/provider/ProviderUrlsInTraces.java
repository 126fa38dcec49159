package com.trackgeek.sync.provider;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.ObservationFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A provider call's span names its URL ({@code http.url}), and spans may be exported (README: Tracing and logs). A
 * TMDB v3 key travels as the {@code api_key} query parameter, so the query string is cut off before any span is
 * finished: a credential never reaches a tracing backend. The path and the URI template ({@code uri}) stay.
 */
@Configuration(proxyBeanMethods = false)
class ProviderUrlsInTraces {

    static final String URL_KEY = "http.url";

    @Bean
    ObservationFilter providerUrlsWithoutQuery() {
        return context -> {
            KeyValue url = context.getHighCardinalityKeyValue(URL_KEY);
            if (url != null) {
                context.addHighCardinalityKeyValue(KeyValue.of(URL_KEY, withoutQuery(url.getValue())));
            }
            return context;
        };
    }

    static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
