package com.trackgeek.api;

import com.trackgeek.servicekit.TrackGeekApplications;
import com.trackgeek.testsupport.SharedInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * A second api instance against the same PostgreSQL and Kafka, with the deployment's default configuration: what
 * the API promises across replicas (one sync per item, caches dropped everywhere) is shown with two.
 */
public final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public static SecondInstance start() {
        return start(Map.of());
    }

    /** With {@code overrides} on top of the deployment's default configuration. */
    public static SecondInstance start(Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(SharedInfrastructure.springProperties());
        properties.put("server.port", 0);
        properties.putAll(overrides);
        // As command-line arguments: builder properties are mere defaults, which api.yml would override.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SecondInstance(TrackGeekApplications.run(ApiApplication.class, "api", args));
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public MeterRegistry meters() {
        return context.getBean(MeterRegistry.class);
    }

    /**
     * Waits until this instance's sync-events consumer demonstrably receives events (it starts from the latest
     * offset, so an event published before it has its partitions would be missed).
     */
    public void awaitSyncEvents(KafkaTemplate<Object, Object> kafka) {
        ApiIntegrationTest.awaitSyncEventsFlowing(kafka, meters());
    }

    @Override
    public void close() {
        context.close();
    }
}
