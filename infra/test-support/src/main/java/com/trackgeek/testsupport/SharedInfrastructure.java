package com.trackgeek.testsupport;

import com.trackgeek.localstack.EmbeddedKafkaServer;
import com.trackgeek.localstack.EmbeddedPostgresServer;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One embedded Kafka broker and one embedded PostgreSQL for every integration test of a JVM: started on
 * first use, stopped when the JVM exits. Starting them once keeps the suite fast; tests stay independent
 * by using their own item ids and request ids.
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

    private SharedInfrastructure() {
    }

    public static EmbeddedPostgresServer postgres() {
        return Holder.POSTGRES;
    }

    public static EmbeddedKafkaServer kafka() {
        return Holder.KAFKA;
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

    // Initialization-on-demand: started once, on first use, by whichever test thread comes first.
    private static final class Holder {
        static final EmbeddedPostgresServer POSTGRES = EmbeddedPostgresServer.start(0, null, "trackgeek");
        static final EmbeddedKafkaServer KAFKA = EmbeddedKafkaServer.start(PARTITIONS);

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                KAFKA.close();
                POSTGRES.close();
            }, "shared-infrastructure-shutdown"));
        }
    }
}
