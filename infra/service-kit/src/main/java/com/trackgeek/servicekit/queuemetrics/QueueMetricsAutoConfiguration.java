package com.trackgeek.servicekit.queuemetrics;

import com.trackgeek.servicekit.PipelineKafkaAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The queue metrics every service exports the same way: common tags, consumer lag per topic and lane, listener
 * rate and latency per lane. Set here once, so no service names a tag or a lane differently and a dashboard
 * query means the same thing for every service.
 */
@AutoConfiguration(after = {PipelineKafkaAutoConfiguration.class, KafkaAutoConfiguration.class})
@ConditionalOnClass(MeterRegistryCustomizer.class)
@EnableConfigurationProperties(QueueMetricsProperties.class)
public class QueueMetricsAutoConfiguration {

    /** The tag dashboards and alerts select a service by; see {@link #commonTags}. */
    public static final String SERVICE_TAG = "service";
    public static final String DEPLOYMENT_TAG = "deployment";

    /**
     * Every meter of every service carries {@code service=<spring.application.name>} and
     * {@code deployment=<trackgeek.metrics.deployment>}.
     */
    @Bean
    MeterRegistryCustomizer<MeterRegistry> commonTags(
            @Value("${spring.application.name:application}") String service,
            QueueMetricsProperties properties) {
        return registry -> registry.config().commonTags(SERVICE_TAG, service, DEPLOYMENT_TAG, properties.deployment());
    }

    @Bean
    ListenerTiming listenerTiming(MeterRegistry registry) {
        return new ListenerTiming(registry);
    }

    @Bean
    @ConditionalOnBean(KafkaAdmin.class)
    ConsumerLag consumerLag(ObjectProvider<KafkaListenerEndpointRegistry> listeners, KafkaAdmin kafkaAdmin,
                            QueueMetricsProperties properties, MeterRegistry registry) {
        return new ConsumerLag(listeners, kafkaAdmin, properties, registry);
    }
}
