package com.trackgeek.servicekit;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Every meter of every service carries {@code service=<spring.application.name>}: the one tag dashboards
 * and alerts select a service by. Set here, once, so no service can name it differently.
 */
@AutoConfiguration
@ConditionalOnClass(MeterRegistryCustomizer.class)
public class ServiceMetricsAutoConfiguration {

    public static final String SERVICE_TAG = "service";

    @Bean
    MeterRegistryCustomizer<MeterRegistry> serviceTag(@Value("${spring.application.name:application}") String service) {
        return registry -> registry.config().commonTags(SERVICE_TAG, service);
    }
}
