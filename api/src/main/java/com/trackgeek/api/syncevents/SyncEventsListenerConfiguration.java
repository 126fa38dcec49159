package com.trackgeek.api.syncevents;

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
 * The sync-events consumer is set up like every other (service-kit's JSON conversion), except for what
 * happens to an event that fails: nothing is retried, since every API instance reads every event only to wake
 * its own waiters and the status poller ends those waits anyway. A poison record (unreadable, too large, no value,
 * an unknown schema version) goes to the dead-letter topic with its reason, once per API instance (each reads in a
 * group of its own, named in the dead letter's {@code kafka_dlt-original-consumer-group} header), so that no bad
 * record vanishes into a log; any other failure is logged and skipped, never retried or dead-lettered (it says
 * nothing about the record, and an instance must not hold up its events for it).
 */
@Configuration(proxyBeanMethods = false)
class SyncEventsListenerConfiguration {

    static final String CONTAINER_FACTORY = "syncEventsListenerContainerFactory";

    private static final Logger log = LoggerFactory.getLogger(SyncEventsListenerConfiguration.class);

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> syncEventsListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory,
            MeterRegistry registry, DeadLetterPublisher deadLetters) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumerFactory);
        var handler = new DefaultErrorHandler((ConsumerRecord<?, ?> record, Exception failure) -> {
            if (DeadLetterReason.isPoison(failure)) {
                deadLetters.accept(record, failure);
                return;
            }
            log.warn("Skipping sync event {}-{}@{} (key {}) that failed: {}", record.topic(), record.partition(),
                    record.offset(), record.key(), failure.toString());
            registry.counter("trackgeek.api.sync.events.skipped").increment();
        }, new FixedBackOff(0, 0));
        // Nothing is retried, so nothing needs fetching again: the rest of the poll goes on at once. Seeking back
        // after each failed record cost a fetch round (half a second) per poison event.
        handler.setSeekAfterError(false);
        factory.setCommonErrorHandler(handler);
        return factory;
    }
}
