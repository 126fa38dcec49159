package com.trackgeek.embedding.model.gemini;

import com.trackgeek.embedding.model.hosted.HostedCalls;
import com.trackgeek.embedding.model.hosted.HostedEmbeddingModel;
import com.trackgeek.embedding.model.hosted.HostedHttp;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** The Gemini model, when {@code trackgeek.embedding.model.provider=gemini}; a missing key stops the start. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "trackgeek.embedding.model", name = "provider", havingValue = GeminiConfiguration.PROVIDER)
class GeminiConfiguration {

    static final String PROVIDER = "gemini";

    @Bean
    HostedEmbeddingModel geminiEmbeddingModel(GeminiProperties properties, RestClient.Builder restClients, JsonMapper json) {
        if (properties.apiKey().isBlank()) {
            throw new IllegalStateException("trackgeek.embedding.model.gemini.api-key is required with provider gemini");
        }
        RestClient http = HostedHttp.restClient(restClients, properties.baseUrl(), properties.connectTimeout(),
                properties.readTimeout());
        GeminiClient client = new GeminiClient(http, json, properties);
        return new HostedEmbeddingModel(PROVIDER, properties.model(), properties.dimensions(), properties.batchSize(),
                new HostedCalls(PROVIDER + ":" + properties.model(), properties.policy()), client::embed);
    }
}
