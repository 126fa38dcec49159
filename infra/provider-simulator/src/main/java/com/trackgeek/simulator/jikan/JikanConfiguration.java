package com.trackgeek.simulator.jikan;

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
import java.util.List;

/**
 * Wires the simulated Jikan: recorded bodies, synthesis of anime and manga, and the one gate (one rate
 * limiter, one budget) in front of everything under {@code /jikan/v4}, as api.jikan.moe counts anime and
 * manga requests together.
 */
@Configuration(proxyBeanMethods = false)
class JikanConfiguration {

    static final String PROVIDER = "jikan";

    @Bean
    JikanFixtures jikanFixtures(SimulatorProperties simulator, JsonMapper jsonMapper) {
        return new JikanFixtureLoader(jsonMapper).load(simulator.providerFixtures(PROVIDER));
    }

    @Bean
    JikanScript jikanScript(JikanFixtures fixtures, JikanProperties properties) {
        return new JikanScript(fixtures, properties);
    }

    @Bean
    SyntheticLayout jikanSyntheticLayout(JikanProperties properties, JikanFixtures fixtures) {
        return new SyntheticLayout(properties.seed(), properties.topSize(), fixtures);
    }

    @Bean
    SyntheticTitles jikanSyntheticTitles(JikanProperties properties) {
        return SyntheticTitles.anime(properties.seed());
    }

    @Bean
    SyntheticPeopleFactory jikanSyntheticPeople(JikanProperties properties) {
        return new SyntheticPeopleFactory(properties.seed(), new SyntheticNames(properties.seed()));
    }

    @Bean
    AnimeCatalog animeCatalog(JikanProperties properties, JikanFixtures fixtures, SyntheticLayout layout,
                              SyntheticTitles titles, SyntheticPeopleFactory people, JikanScript script,
                              Clock clock, JsonMapper jsonMapper) {
        long seed = properties.seed();
        return new AnimeCatalog(fixtures,
                new SyntheticAnimeFactory(seed, layout, titles, clock),
                people,
                new SyntheticVideosFactory(seed),
                properties, script, jsonMapper);
    }

    @Bean
    MangaCatalog mangaCatalog(JikanProperties properties, JikanFixtures fixtures, SyntheticTitles animeTitles,
                              SyntheticPeopleFactory people, JikanScript script, Clock clock,
                              JsonMapper jsonMapper) {
        long seed = properties.seed();
        SyntheticMangaFactory factory = new SyntheticMangaFactory(seed, SyntheticTitles.manga(seed), animeTitles,
                new SyntheticNames(seed), clock);
        return new MangaCatalog(fixtures, factory, people, properties, script, jsonMapper);
    }

    @Bean
    AnimeLists animeLists(JikanFixtures fixtures, SyntheticLayout layout, SyntheticTitles titles,
                          JikanProperties properties) {
        return new AnimeLists(fixtures, layout, titles, properties);
    }

    @Bean
    WebMvcConfigurer jikanGate(JikanProperties properties, Clock clock, ProviderScript script,
                               RequestLog requestLog, JsonMapper jsonMapper, RequestMetrics metrics) {
        JikanProperties.RateLimit limits = properties.rateLimit();
        SlidingWindowRateLimiter rateLimiter =
                new SlidingWindowRateLimiter(clock, limits.enabled() ? limits.windows() : List.of());
        ProviderGate gate = new ProviderGate(PROVIDER, rateLimiter, new FaultInjector(properties.faults()),
                new JikanErrorBodies(), script, requestLog, jsonMapper, metrics);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                // One pattern, one limiter: anime, manga and lists all spend the same budget.
                registry.addInterceptor(gate).addPathPatterns(JikanPaths.BASE + "/**");
            }
        };
    }
}
