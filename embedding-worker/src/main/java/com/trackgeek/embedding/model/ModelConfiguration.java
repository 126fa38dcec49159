package com.trackgeek.embedding.model;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Picks the model by {@code trackgeek.embedding.model.provider}: one of the in-process models here (only the
 * chosen one is loaded) or a hosted one. The hosted models live in their own packages ({@code gemini},
 * {@code openai}), each a configuration conditional on its own provider value; an unknown value leaves no model
 * and the worker refuses to start.
 */
@Configuration(proxyBeanMethods = false)
class ModelConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(prefix = "trackgeek.embedding.model", name = "provider", havingValue = AllMiniLmL6V2Model.NAME)
    AllMiniLmL6V2Model allMiniLmL6V2Model(ModelProperties properties) {
        return new AllMiniLmL6V2Model(properties.effectiveThreads());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(prefix = "trackgeek.embedding.model", name = "provider", havingValue = BgeSmallEnV15Model.NAME,
            matchIfMissing = true)
    BgeSmallEnV15Model bgeSmallEnV15Model(ModelProperties properties) {
        return new BgeSmallEnV15Model(properties.effectiveThreads());
    }
}
