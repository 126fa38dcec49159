package com.trackgeek.embedding.model.openai;

import com.trackgeek.embedding.model.TextEmbeddingModel;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code trackgeek.embedding.model.provider=openai} selects the OpenAI-compatible model. */
class OpenAiSelectionTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(OpenAiProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class, RestClientAutoConfiguration.class))
            .withUserConfiguration(Properties.class, OpenAiConfiguration.class);

    @Test
    void theProviderValueOpenaiMakesTheOpenAiModelAndOtherValuesLeaveItOut() {
        context.withPropertyValues("trackgeek.embedding.model.provider=openai",
                        "trackgeek.embedding.model.openai.model=nomic-embed-text", "trackgeek.embedding.model.openai.dimensions=768")
                .run(started -> {
                    assertThat(started).hasSingleBean(TextEmbeddingModel.class);
                    assertThat(started.getBean(TextEmbeddingModel.class).name()).isEqualTo("openai:nomic-embed-text:768");
                });
        context.withPropertyValues("trackgeek.embedding.model.provider=gemini")
                .run(started -> assertThat(started).doesNotHaveBean(TextEmbeddingModel.class));
    }

    @Test
    void anUnknownEncodingStopsTheStart() {
        context.withPropertyValues("trackgeek.embedding.model.provider=openai",
                        "trackgeek.embedding.model.openai.encoding-format=int8")
                .run(started -> assertThat(started).hasFailed());
    }
}
