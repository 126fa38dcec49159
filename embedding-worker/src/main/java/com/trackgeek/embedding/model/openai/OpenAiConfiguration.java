package com.trackgeek.embedding.model.openai;

import com.trackgeek.embedding.model.hosted.HostedCalls;
import com.trackgeek.embedding.model.hosted.HostedEmbeddingModel;
import com.trackgeek.embedding.model.hosted.HostedHttp;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAI-compatible model, when {@code trackgeek.embedding.model.provider=openai}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "trackgeek.embedding.model", name = "provider", havingValue = OpenAiConfiguration.PROVIDER)
class OpenAiConfiguration {

    static final String PROVIDER = "openai";

    @Bean
    HostedEmbeddingModel openAiEmbeddingModel(OpenAiProperties properties, RestClient.Builder restClients, JsonMapper json) {
        RestClient http = HostedHttp.restClient(restClients, properties.baseUrl(), properties.connectTimeout(),
                properties.readTimeout());
        OpenAiClient client = new OpenAiClient(http, json, properties);
        return new HostedEmbeddingModel(PROVIDER, properties.model(), properties.dimensions(), properties.batchSize(),
                new HostedCalls(PROVIDER + ":" + properties.model(), properties.policy()), client::embed);
    }
}
