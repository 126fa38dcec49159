package com.trackgeek.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Kafka broker and one PostgreSQL for every integration test of a JVM: started on first use, stopped when the
 * JVM exits. Starting them once keeps the suite fast; tests stay independent by using their own item ids and
 * request ids. Embedded by default; in Docker containers with {@code -Ptestcontainers} (see {@link Infrastructure}).
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     SharedInfrastructure.register(registry);
 * }
 * }</pre>
 */
public final class SharedInfrastructure {

    /** Partitions of every topic in tests: more than one, so ordering and rebalancing are exercised. */
    public static final int PARTITIONS = 3;

    private static Infrastructure started;
    private static RuntimeException failedToStart;

    private SharedInfrastructure() {
    }

    public static DatabaseServer postgres() {
        return infrastructure().postgres();
    }

    public static KafkaBroker kafka() {
        return infrastructure().kafka();
    }

    /** The Spring properties that point a service at the shared servers. */
    public static Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", postgres().jdbcUrl());
        properties.put("spring.datasource.username", postgres().username());
        properties.put("spring.datasource.password", postgres().password());
        properties.put("spring.kafka.bootstrap-servers", kafka().bootstrapServers());
        properties.put("trackgeek.kafka.partitions", PARTITIONS);
        return properties;
    }

    public static void register(DynamicPropertyRegistry registry) {
        springProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /**
     * Started once, by whichever test thread comes first. A failure to start (no Docker for the containers) is
     * remembered and thrown again, the same clear exception, to every later test instead of a new attempt each.
     */
    private static synchronized Infrastructure infrastructure() {
        if (failedToStart != null) {
            throw failedToStart;
        }
        if (started == null) {
            try {
                started = Infrastructure.start(PARTITIONS);
            } catch (RuntimeException e) {
                failedToStart = e;
                throw e;
            }
            Infrastructure toClose = started;
            Runtime.getRuntime().addShutdownHook(new Thread(toClose::close, "shared-infrastructure-shutdown"));
        }
        return started;
    }
}
