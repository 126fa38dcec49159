package com.trackgeek.sync.changefeed;

import com.trackgeek.sync.provider.MetadataProvider;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;

/**
 * Wires the change-feed poller: every provider bean's feed, on the application's {@link Clock} where one is defined
 * (the freshness policy's, so tests can move it), else the system's.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ChangeFeedConfiguration {

    @Bean
    ChangeFeedPoller changeFeedPoller(List<MetadataProvider> providers, JdbcClient jdbc, ChangeFeedProperties properties,
                                      MeterRegistry meterRegistry, PlatformTransactionManager transactionManager,
                                      ObjectProvider<Clock> clock) {
        return new ChangeFeedPoller(providers, new ChangeFeedRows(jdbc), properties, new ChangeFeedMetrics(meterRegistry),
                new TransactionTemplate(transactionManager), clock.getIfAvailable(Clock::systemUTC));
    }
}
