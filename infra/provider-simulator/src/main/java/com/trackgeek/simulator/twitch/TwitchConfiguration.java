package com.trackgeek.simulator.twitch;

import com.trackgeek.simulator.FaultInjector;
import com.trackgeek.simulator.FaultSettings;
import com.trackgeek.simulator.ProviderErrorBodies;
import com.trackgeek.simulator.ProviderGate;
import com.trackgeek.simulator.ProviderScript;
import com.trackgeek.simulator.RateLimitDecision;
import com.trackgeek.simulator.RequestLog;
import com.trackgeek.simulator.RequestMetrics;
import com.trackgeek.simulator.SlidingWindowRateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Wires the simulated Twitch token endpoint behind a gate of its own: every token request is logged (tests
 * count them) and can be scripted (a body without {@code expires_in}); no rate limit, as a worker asks for a
 * token once in weeks.
 */
@Configuration(proxyBeanMethods = false)
class TwitchConfiguration {

    @Bean
    TwitchTokens twitchTokens(Clock clock) {
        return new TwitchTokens(clock);
    }

    @Bean
    WebMvcConfigurer twitchGate(Clock clock, ProviderScript script, RequestLog requestLog, JsonMapper jsonMapper,
                                RequestMetrics metrics) {
        ProviderErrorBodies errors = new ProviderErrorBodies() {
            @Override
            public Object rateLimited(RateLimitDecision decision) {
                return Map.of("status", 429, "message", "Too Many Requests");
            }

            @Override
            public Object serverError(HttpServletRequest request) {
                return Map.of("status", 500, "message", "Internal Server Error");
            }
        };
        ProviderGate gate = new ProviderGate("twitch", new SlidingWindowRateLimiter(clock, List.of()),
                new FaultInjector(new FaultSettings(Duration.ZERO, 0, 0, Duration.ZERO, 0)), errors, script,
                requestLog, jsonMapper, metrics);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(gate).addPathPatterns("/twitch/**");
            }
        };
    }
}
