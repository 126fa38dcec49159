package com.trackgeek.simulator.igdb;

import com.trackgeek.simulator.FaultInjector;
import com.trackgeek.simulator.ProviderGate;
import com.trackgeek.simulator.ProviderScript;
import com.trackgeek.simulator.RequestLog;
import com.trackgeek.simulator.RequestMetrics;
import com.trackgeek.simulator.SimulatorProperties;
import com.trackgeek.simulator.SlidingWindowRateLimiter;
import com.trackgeek.simulator.twitch.TwitchTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/**
 * Wires the simulated IGDB: its games, and in front of {@code /igdb/v4/**} first the open-request limit (8),
 * then the gate (request log, 4 requests a second with a 429, script, faults).
 */
@Configuration(proxyBeanMethods = false)
class IgdbConfiguration {

    static final String PROVIDER = "igdb";

    @Bean
    IgdbGames igdbGames(SimulatorProperties simulator, IgdbProperties properties, JsonMapper jsonMapper) {
        return new IgdbGames(simulator.providerFixtures(PROVIDER), properties, jsonMapper);
    }

    @Bean
    OpenRequestLimit igdbOpenRequestLimit(IgdbProperties properties) {
        return new OpenRequestLimit(properties.maxOpenRequests());
    }

    @Bean
    IgdbErrors igdbErrors(SimulatorProperties simulator) {
        return new IgdbErrors(simulator.providerFixtures(PROVIDER));
    }

    @Bean
    IgdbLists igdbLists(IgdbGames games, IgdbProperties properties) {
        return new IgdbLists(games, properties);
    }

    @Bean
    IgdbScript igdbScript(IgdbGames games, TwitchTokens tokens, OpenRequestLimit igdbOpenRequestLimit) {
        return new IgdbScript(games, tokens, igdbOpenRequestLimit);
    }

    @Bean
    WebMvcConfigurer igdbGate(IgdbProperties properties, Clock clock, ProviderScript script, RequestLog requestLog,
                              JsonMapper jsonMapper, RequestMetrics metrics, OpenRequestLimit igdbOpenRequestLimit,
                              IgdbErrors errors) {
        ProviderGate gate = new ProviderGate(PROVIDER, new SlidingWindowRateLimiter(clock, properties.windows()),
                new FaultInjector(properties.faults()), errors, script, requestLog, jsonMapper, metrics);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(igdbOpenRequestLimit).addPathPatterns("/igdb/v4/**");
                registry.addInterceptor(gate).addPathPatterns("/igdb/v4/**");
            }
        };
    }
}
