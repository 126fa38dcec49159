package com.trackgeek.sync.drift;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/** The worker's one drift guard, on the application's {@link Clock} where one is defined, else the system's. */
@Configuration(proxyBeanMethods = false)
class DriftConfiguration {

    @Bean
    DriftGuard driftGuard(DriftProperties properties, JsonMapper jsonMapper, MeterRegistry meterRegistry,
                          ObjectProvider<Clock> clock) {
        return new DriftGuard(properties, jsonMapper, clock.getIfAvailable(Clock::systemUTC), meterRegistry);
    }
}
