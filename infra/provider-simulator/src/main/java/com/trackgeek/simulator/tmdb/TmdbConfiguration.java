package com.trackgeek.simulator.tmdb;

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
 * Wires the simulated TMDB v3: recorded bodies, synthesis, and in front of everything under {@code /tmdb/3}
 * the gate (one rate limit for movies and TV, as TMDB counts them together) followed by TMDB's credential
 * check.
 */
@Configuration(proxyBeanMethods = false)
class TmdbConfiguration {

    static final String PROVIDER = "tmdb";
    static final String BASE = "/tmdb/3";

    @Bean
    TmdbErrors tmdbErrors(SimulatorProperties simulator, JsonMapper jsonMapper) {
        return new TmdbErrors(simulator.providerFixtures(PROVIDER), jsonMapper);
    }

    @Bean
    TmdbScript tmdbScript() {
        return new TmdbScript();
    }

    @Bean
    TmdbFixtures tmdbFixtures(SimulatorProperties simulator, JsonMapper jsonMapper) {
        return TmdbFixtures.load(simulator.providerFixtures(PROVIDER), jsonMapper);
    }

    @Bean
    TmdbCatalog tmdbCatalog(TmdbFixtures fixtures, TmdbProperties properties, TmdbScript script,
                            TmdbSearches searches, JsonMapper jsonMapper) {
        return new TmdbCatalog(fixtures,
                new SyntheticTmdb(properties.seed(), jsonMapper), script, properties, searches);
    }

    @Bean
    TmdbLists tmdbLists(TmdbFixtures fixtures, TmdbCatalog catalog, TmdbProperties properties, JsonMapper jsonMapper) {
        return new TmdbLists(fixtures, catalog, properties, jsonMapper);
    }

    @Bean
    TmdbSearches tmdbSearches(SimulatorProperties simulator, JsonMapper jsonMapper) {
        return TmdbSearches.load(simulator.providerFixtures(PROVIDER), jsonMapper);
    }

    @Bean
    WebMvcConfigurer tmdbGate(TmdbProperties properties, TmdbErrors errors, Clock clock, ProviderScript script,
                              RequestLog requestLog, JsonMapper jsonMapper, RequestMetrics metrics) {
        ProviderGate gate = new ProviderGate(PROVIDER, new SlidingWindowRateLimiter(clock, properties.rateLimit().windows()),
                new FaultInjector(properties.faults()), errors, script, requestLog, jsonMapper, metrics);
        TmdbCredentialCheck credentials = new TmdbCredentialCheck(properties, errors, jsonMapper);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(gate).addPathPatterns(BASE + "/**");
                registry.addInterceptor(credentials).addPathPatterns(BASE + "/**");
            }
        };
    }
}
