package com.trackgeek.simulator.googlegenai;

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
 * Wires the simulated Gemini API (embeddings only): its recordings and the one gate (request log, the
 * configured per-minute limit with Google's 429 envelope, scripted answers, faults) in front of
 * {@code /google-genai/**}.
 */
@Configuration(proxyBeanMethods = false)
class GoogleGenaiConfiguration {

    static final String PROVIDER = "google-genai";

    @Bean
    GeminiRecordings geminiRecordings(SimulatorProperties simulator, JsonMapper json) {
        return new GeminiRecordings(simulator.providerFixtures(PROVIDER), json);
    }

    @Bean
    WebMvcConfigurer googleGenaiGate(GoogleGenaiProperties properties, Clock clock, ProviderScript script,
                                     RequestLog requestLog, JsonMapper jsonMapper, RequestMetrics metrics) {
        ProviderGate gate = new ProviderGate(PROVIDER, new SlidingWindowRateLimiter(clock, properties.windows()),
                new FaultInjector(properties.faults()), new GoogleGenaiErrors(), script, requestLog, jsonMapper, metrics);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(gate).addPathPatterns("/google-genai/**");
            }
        };
    }
}
