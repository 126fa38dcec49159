package com.trackgeek.simulator.hardcover;

import com.trackgeek.simulator.FaultInjector;
import com.trackgeek.simulator.ProviderGate;
import com.trackgeek.simulator.ProviderScript;
import com.trackgeek.simulator.RequestLog;
import com.trackgeek.simulator.RequestMetrics;
import com.trackgeek.simulator.SimulatorProperties;
import com.trackgeek.simulator.SlidingWindowRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/**
 * Wires the simulated Hardcover: its books and the one gate (request log, Hardcover's 60 a minute with its
 * 429 body, scripted answers, faults) in front of {@code /hardcover/v1/graphql}.
 */
@Configuration(proxyBeanMethods = false)
class HardcoverConfiguration {

    static final String PROVIDER = "hardcover";

    @Bean
    HardcoverBooks hardcoverBooks(SimulatorProperties simulator, JsonMapper jsonMapper, HardcoverProperties properties) {
        return new HardcoverBooks(simulator.providerFixtures(PROVIDER), jsonMapper, properties);
    }

    @Bean
    WebMvcConfigurer hardcoverGate(HardcoverProperties properties, Clock clock, ProviderScript script,
                                   RequestLog requestLog, JsonMapper jsonMapper, RequestMetrics metrics) {
        ProviderGate gate = new ProviderGate(PROVIDER, new SlidingWindowRateLimiter(clock, properties.windows()),
                new FaultInjector(properties.faults()), new HardcoverErrors(), script, requestLog, jsonMapper, metrics);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(gate).addPathPatterns("/hardcover/**");
            }
        };
    }
}
