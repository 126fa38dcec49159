package com.trackgeek.embedding.model.gemini;

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

/** {@code trackgeek.embedding.model.provider=gemini} selects the Gemini model, built from Boot's RestClient.Builder. */
class GeminiSelectionTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(GeminiProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class, RestClientAutoConfiguration.class))
            .withUserConfiguration(Properties.class, GeminiConfiguration.class);

    @Test
    void theProviderValueGeminiMakesTheGeminiModelWithItsConfiguredNameAndDimensions() {
        context.withPropertyValues("trackgeek.embedding.model.provider=gemini",
                        "trackgeek.embedding.model.gemini.api-key=k", "trackgeek.embedding.model.gemini.dimensions=256")
                .run(started -> {
                    assertThat(started).hasSingleBean(TextEmbeddingModel.class);
                    TextEmbeddingModel model = started.getBean(TextEmbeddingModel.class);
                    assertThat(model.name()).isEqualTo("gemini:gemini-embedding-001:256");
                    assertThat(model.dimensions()).isEqualTo(256);
                });
    }

    @Test
    void withoutAKeyTheWorkerDoesNotStartAndAnotherProviderLeavesGeminiOut() {
        context.withPropertyValues("trackgeek.embedding.model.provider=gemini")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .hasStackTraceContaining("trackgeek.embedding.model.gemini.api-key is required"));
        context.run(started -> assertThat(started).doesNotHaveBean(TextEmbeddingModel.class));
    }
}
