package com.trackgeek.simulator.openai;

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
 * Wires the simulated OpenAI-compatible embeddings endpoint: its recordings and the one gate (request log, the
 * configured per-minute limit with OpenAI's 429 body, scripted answers, faults) in front of {@code /openai/**}.
 */
@Configuration(proxyBeanMethods = false)
class OpenAiConfiguration {

    static final String PROVIDER = "openai";

    @Bean
    OpenAiRecordings openAiRecordings(SimulatorProperties simulator, JsonMapper json) {
        return new OpenAiRecordings(simulator.providerFixtures(PROVIDER), json);
    }

    @Bean
    WebMvcConfigurer openAiGate(OpenAiProperties properties, Clock clock, ProviderScript script,
                                RequestLog requestLog, JsonMapper jsonMapper, RequestMetrics metrics) {
        ProviderGate gate = new ProviderGate(PROVIDER, new SlidingWindowRateLimiter(clock, properties.windows()),
                new FaultInjector(properties.faults()), new OpenAiErrors(), script, requestLog, jsonMapper, metrics);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(gate).addPathPatterns("/openai/**");
            }
        };
    }
}
