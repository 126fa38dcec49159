package com.trackgeek.api.similar;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The embedding-events consumer is set up like the sync-events one: an event it cannot read (or whose vector
 * cannot be loaded) is logged and skipped, never dead-lettered, since every API instance reads every event and the
 * embedding worker owns the topic. Nothing is lost: the index's catch-up loads what the event announced.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddingEventsConfiguration {

    static final String CONTAINER_FACTORY = "embeddingEventsListenerContainerFactory";

    private static final Logger log = LoggerFactory.getLogger(EmbeddingEventsConfiguration.class);

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> embeddingEventsListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory,
            MeterRegistry registry) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumerFactory);
        factory.setCommonErrorHandler(new DefaultErrorHandler((ConsumerRecord<?, ?> record, Exception failure) -> {
            log.warn("Skipping embedding event {}-{}@{} (key {}): {}; the catch-up loads its vector", record.topic(),
                    record.partition(), record.offset(), record.key(), failure.toString());
            registry.counter("trackgeek.similar.events.skipped").increment();
        }, new FixedBackOff(0, 0)));
        return factory;
    }
}
