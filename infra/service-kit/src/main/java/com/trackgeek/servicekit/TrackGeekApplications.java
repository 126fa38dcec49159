package com.trackgeek.servicekit;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;

/**
 * Starts a service with its own configuration file name ({@code api.yml}, {@code sync-worker.yml}, ...)
 * instead of {@code application.yml}: the services share a classpath in the end-to-end tests and in an
 * all-in-one run, where one {@code application.yml} would shadow the others.
 */
public final class TrackGeekApplications {

    private TrackGeekApplications() {
    }

    public static ConfigurableApplicationContext run(Class<?> application, String configName, String... args) {
        return builder(application, configName).run(args);
    }

    /**
     * Starts a service with {@code settings} as command-line arguments: they outrank the service's own
     * configuration file, as an operator's {@code --name=value} would (default properties would not).
     */
    public static ConfigurableApplicationContext run(Class<?> application, String configName, Map<String, ?> settings) {
        String[] args = settings.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                .toArray(String[]::new);
        return run(application, configName, args);
    }

    public static SpringApplicationBuilder builder(Class<?> application, String configName) {
        return new SpringApplicationBuilder(application)
                .properties(Map.of("spring.config.name", configName));
    }
}
