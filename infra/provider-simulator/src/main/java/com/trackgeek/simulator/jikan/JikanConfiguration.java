package com.trackgeek.simulator.jikan;

import com.trackgeek.simulator.FaultInjector;
import com.trackgeek.simulator.ProviderGate;
import com.trackgeek.simulator.RequestMetrics;
import com.trackgeek.simulator.SimulatorProperties;
import com.trackgeek.simulator.SlidingWindowRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;

/** Wires the simulated Jikan: recorded bodies, synthesis, and the gate in front of {@code /jikan/v4}. */
@Configuration(proxyBeanMethods = false)
class JikanConfiguration {

    static final String PROVIDER = "jikan";

    @Bean
    JikanFixtures jikanFixtures(SimulatorProperties simulator, JsonMapper jsonMapper) {
        return new JikanFixtureLoader(jsonMapper).load(simulator.providerFixtures(PROVIDER));
    }

    @Bean
    SyntheticLayout jikanSyntheticLayout(JikanProperties properties, JikanFixtures fixtures) {
        return new SyntheticLayout(properties.seed(), properties.topSize(), fixtures);
    }

    @Bean
    SyntheticTitles jikanSyntheticTitles(JikanProperties properties) {
        return new SyntheticTitles(properties.seed());
    }

    @Bean
    AnimeCatalog animeCatalog(JikanProperties properties, JikanFixtures fixtures, SyntheticLayout layout,
                              SyntheticTitles titles, Clock clock, JsonMapper jsonMapper) {
        long seed = properties.seed();
        return new AnimeCatalog(fixtures,
                new SyntheticAnimeFactory(seed, layout, titles, clock),
                new SyntheticPeopleFactory(seed, new SyntheticNames(seed)),
                new SyntheticVideosFactory(seed),
                properties, jsonMapper);
    }

    @Bean
    AnimeLists animeLists(JikanFixtures fixtures, SyntheticLayout layout, SyntheticTitles titles,
                          JikanProperties properties) {
        return new AnimeLists(fixtures, layout, titles, properties);
    }

    @Bean
    WebMvcConfigurer jikanGate(JikanProperties properties, Clock clock, JsonMapper jsonMapper,
                               RequestMetrics metrics) {
        JikanProperties.RateLimit limits = properties.rateLimit();
        SlidingWindowRateLimiter rateLimiter =
                new SlidingWindowRateLimiter(clock, limits.enabled() ? limits.windows() : List.of());
        ProviderGate gate = new ProviderGate(PROVIDER, rateLimiter, new FaultInjector(properties.faults()),
                new JikanErrorBodies(), jsonMapper, metrics);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(gate).addPathPatterns(JikanPaths.BASE + "/**");
            }
        };
    }
}
