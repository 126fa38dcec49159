package com.trackgeek.sync.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/** The worker's provider budgets, in the worker's own database: one budget per provider for all replicas. */
@Configuration(proxyBeanMethods = false)
class BudgetConfiguration {

    @Bean
    ProviderBudgets providerBudgets(DataSource dataSource, BudgetSettings settings, MeterRegistry meterRegistry) {
        return ProviderBudgets.inPostgres("", dataSource, settings, meterRegistry);
    }
}
