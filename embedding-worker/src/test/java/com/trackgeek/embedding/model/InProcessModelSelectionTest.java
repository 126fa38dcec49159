package com.trackgeek.embedding.model;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code trackgeek.embedding.model.provider} picks one in-process model and loads no other. */
class InProcessModelSelectionTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ModelProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, ModelConfiguration.class)
            .withPropertyValues("trackgeek.embedding.model.threads=1");

    @Test
    void theProviderValueBgeSmallEnV15QLoadsBgeAloneUnderItsName() {
        context.withPropertyValues("trackgeek.embedding.model.provider=bge-small-en-v15-q").run(started -> {
            assertThat(started).hasSingleBean(TextEmbeddingModel.class).hasSingleBean(BgeSmallEnV15Model.class);
            TextEmbeddingModel model = started.getBean(TextEmbeddingModel.class);
            assertThat(model.name()).isEqualTo("bge-small-en-v15-q");
            assertThat(model.embedAll(java.util.List.of("Naruto"))).singleElement()
                    .satisfies(vector -> assertThat(vector).hasSize(384));
        });
    }

    @Test
    void theProviderValueAllMiniLmL6V2QLoadsMiniLmAloneUnderItsName() {
        context.withPropertyValues("trackgeek.embedding.model.provider=all-minilm-l6-v2-q").run(started -> {
            assertThat(started).hasSingleBean(TextEmbeddingModel.class).hasSingleBean(AllMiniLmL6V2Model.class);
            assertThat(started.getBean(TextEmbeddingModel.class).name()).isEqualTo("all-minilm-l6-v2-q");
        });
    }

    @Test
    void withoutAProviderValueTheDefaultAloneIsLoaded() {
        context.run(started -> {
            assertThat(started).hasSingleBean(TextEmbeddingModel.class).hasSingleBean(BgeSmallEnV15Model.class);
            assertThat(started.getBean(TextEmbeddingModel.class).name()).isEqualTo("bge-small-en-v15-q");
        });
    }

    @Test
    void aHostedProviderValueLoadsNoInProcessModel() {
        context.withPropertyValues("trackgeek.embedding.model.provider=openai")
                .run(started -> assertThat(started).doesNotHaveBean(TextEmbeddingModel.class));
    }
}
