package com.trackgeek.api.syncevents;

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
 * The sync-events consumer is set up like every other (service-kit's JSON conversion), except for what
 * happens to an event it cannot read: it is logged and skipped, not dead-lettered. Every API instance reads
 * every event, so dead-lettering would put one copy per instance on the dead-letter topic, and the workers
 * that own the topic deal with bad records already. Nothing is lost here: the status poller still ends the
 * waits the event would have ended.
 */
@Configuration(proxyBeanMethods = false)
class SyncEventsListenerConfiguration {

    static final String CONTAINER_FACTORY = "syncEventsListenerContainerFactory";

    private static final Logger log = LoggerFactory.getLogger(SyncEventsListenerConfiguration.class);

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> syncEventsListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory,
            MeterRegistry registry) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumerFactory);
        factory.setCommonErrorHandler(new DefaultErrorHandler((ConsumerRecord<?, ?> record, Exception failure) -> {
            log.warn("Skipping unreadable sync event {}-{}@{} (key {}): {}", record.topic(), record.partition(),
                    record.offset(), record.key(), failure.toString());
            registry.counter("trackgeek.api.sync.events.skipped").increment();
        }, new FixedBackOff(0, 0)));
        return factory;
    }
}
