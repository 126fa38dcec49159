package com.trackgeek.sync.freshness;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/**
 * The clock freshness reads (a test moves a simulated one), and scheduling for the sweeper.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class FreshnessConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
