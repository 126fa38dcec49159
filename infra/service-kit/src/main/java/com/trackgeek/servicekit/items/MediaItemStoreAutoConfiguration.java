package com.trackgeek.servicekit.items;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every service with a database gets the one item store and its search. */
@AutoConfiguration(after = JdbcClientAutoConfiguration.class)
@ConditionalOnBean(JdbcClient.class)
public class MediaItemStoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MediaItemStore mediaItemStore(JdbcClient jdbc) {
        return new MediaItemStore(jdbc);
    }

    @Bean
    @ConditionalOnMissingBean
    CatalogSearch catalogSearch(JdbcClient jdbc) {
        return new CatalogSearch(jdbc);
    }
}
