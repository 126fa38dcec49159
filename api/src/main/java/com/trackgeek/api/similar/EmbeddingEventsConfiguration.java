package com.trackgeek.api.similar;

import com.trackgeek.servicekit.DeadLetterPublisher;
import com.trackgeek.servicekit.DeadLetterReason;
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
 * The embedding-events consumer is set up like the sync-events one: nothing is retried (the index's catch-up loads
 * what an event announced). A poison record (unreadable, too large, no value, an unknown schema version) goes to the
 * dead-letter topic with its reason, once per API instance (each reads in a group of its own); an event whose vector
 * cannot be loaded is logged and skipped.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddingEventsConfiguration {

    static final String CONTAINER_FACTORY = "embeddingEventsListenerContainerFactory";

    private static final Logger log = LoggerFactory.getLogger(EmbeddingEventsConfiguration.class);

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> embeddingEventsListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory,
            MeterRegistry registry, DeadLetterPublisher deadLetters) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumerFactory);
        var handler = new DefaultErrorHandler((ConsumerRecord<?, ?> record, Exception failure) -> {
            if (DeadLetterReason.isPoison(failure)) {
                deadLetters.accept(record, failure);
                return;
            }
            log.warn("Skipping embedding event {}-{}@{} (key {}): {}; the catch-up loads its vector", record.topic(),
                    record.partition(), record.offset(), record.key(), failure.toString());
            registry.counter("trackgeek.similar.events.skipped").increment();
        }, new FixedBackOff(0, 0));
        // Nothing is retried, so nothing needs fetching again: the rest of the poll goes on at once. Seeking back
        // after each failed record cost a fetch round (half a second) per poison event.
        handler.setSeekAfterError(false);
        factory.setCommonErrorHandler(handler);
        return factory;
    }
}
