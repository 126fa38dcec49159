package com.trackgeek.simulator;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;

/**
 * Answers the providers' HTTP endpoints in their real shapes, so the pipeline can run without the
 * live providers (standalone run, load and bulk runs, and every test through {@link EmbeddedSimulator}).
 *
 * <p>It shares a classpath with the services in the standalone launcher and inside a service's tests, so
 * it excludes, by name (they are not its dependencies), the auto-configurations that would give it a
 * database, migrations or Kafka: it has none, and they would fail its start-up or reach for the pipeline's.
 */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "com.trackgeek.servicekit.PipelineKafkaAutoConfiguration",
        "com.trackgeek.servicekit.items.MediaItemStoreAutoConfiguration"})
@ConfigurationPropertiesScan
public class ProviderSimulatorApplication {

    /**
     * Several Spring Boot apps may share one classpath in the standalone launcher, so this app reads
     * {@code provider-simulator.yml} instead of {@code application.yml}, which belongs to nobody in particular.
     */
    public static final String CONFIG_NAME = "provider-simulator";

    public static void main(String[] args) {
        start(args);
    }

    /** Starts the simulator in this JVM; the caller owns the returned context and closes it. */
    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(ProviderSimulatorApplication.class)
                .properties(Map.of("spring.config.name", CONFIG_NAME))
                .run(args);
    }
}
