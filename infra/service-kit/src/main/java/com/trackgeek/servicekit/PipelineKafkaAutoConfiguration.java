package com.trackgeek.servicekit;

import com.trackgeek.contracts.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline's Kafka conventions, the same in every service:
 * <ul>
 * <li>record keys are strings ({@code MediaKey#toString()}), values are the JSON of the contracts' records;
 *     consumers read raw bytes and the listener method's parameter type decides what they become, so a
 *     record that does not parse (or is larger than any message can be) fails in the listener, where the error
 *     handler sees it;</li>
 * <li>every pipeline topic and its dead-letter topic is declared;</li>
 * <li>a record that cannot be processed goes to {@code <topic>.dlt} (same partition) with its original bytes,
 *     a code and a reason ({@link DeadLetterPublisher}), and the consumer carries on; {@link DeadLetterListener}s hear of it first; while PostgreSQL or Kafka is unreachable the record
 *     is retried without end instead, because dead-lettering it would lose accepted work; a
 *     {@link RetryLaterException} is retried with its own bounded back-off first.</li>
 * </ul>
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(PipelineKafkaProperties.class)
public class PipelineKafkaAutoConfiguration {

    @Bean
    DefaultKafkaProducerFactoryCustomizer pipelineProducerSerializers(JsonMapper jsonMapper) {
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer()); // dead letters keep their original bytes
        byType.put(String.class, new StringSerializer());
        byType.put(Object.class, new JacksonJsonSerializer<>(jsonMapper).noTypeInfo());
        var valueSerializer = new DelegatingByTypeSerializer(byType, true);
        return factory -> configureSerializers(factory, valueSerializer);
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer pipelineConsumerDeserializers() {
        return PipelineKafkaAutoConfiguration::configureDeserializers;
    }

    // The customizer hands over a factory of unknown key/value types; the pipeline decides them here.
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void configureSerializers(DefaultKafkaProducerFactory factory, Serializer<Object> valueSerializer) {
        factory.setKeySerializer(new StringSerializer());
        factory.setValueSerializer(valueSerializer);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void configureDeserializers(DefaultKafkaConsumerFactory factory) {
        factory.setKeyDeserializer(new StringDeserializer());
        factory.setValueDeserializer(new ByteArrayDeserializer());
    }

    @Bean
    RecordMessageConverter pipelineMessageConverter(JsonMapper jsonMapper, PipelineKafkaProperties properties) {
        return new StrictJsonMessageConverter(jsonMapper, properties.maxMessageSize());
    }

    @Bean
    KafkaAdmin.NewTopics pipelineTopics(PipelineKafkaProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            for (String name : List.of(topic, Topics.deadLetter(topic))) {
                topics.add(TopicBuilder.name(name)
                        .partitions(properties.partitions())
                        .replicas(properties.replicationFactor())
                        .build());
            }
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    DeadLetterPublisher deadLetterPublisher(KafkaTemplate<Object, Object> template, ObjectProvider<MeterRegistry> meterRegistry) {
        return new DeadLetterPublisher(template, meterRegistry);
    }

    @Bean
    CommonErrorHandler pipelineErrorHandler(DeadLetterPublisher recoverer, PipelineKafkaProperties properties,
                                            ObjectProvider<DeadLetterListener> listeners) {
        ConsumerRecordRecoverer endTheWorkThenDeadLetter = (record, failure) -> {
            listeners.orderedStream().forEach(listener -> listener.deadLettered(record,
                    DeadLetterReason.codeOf(failure), DeadLetterReason.reasonOf(failure)));
            recoverer.accept(record, failure);
        };
        var handler = new DefaultErrorHandler(endTheWorkThenDeadLetter,
                new FixedBackOff(properties.retryInterval().toMillis(), Math.max(0, properties.retryAttempts() - 1)));
        handler.addNotRetryableExceptions(UnprocessableMessageException.class);
        var outage = new ExponentialBackOff(500, 2.0);
        outage.setMaxInterval(properties.outageMaxInterval().toMillis());
        handler.setBackOffFunction((record, failure) -> isOutage(failure) ? outage : retryLater(failure));
        return handler;
    }

    /** The back-off a {@link RetryLaterException} asks for; null (the handler's default) for any other failure. */
    private static BackOff retryLater(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetryLaterException later) {
                return later.backOff();
            }
        }
        return null;
    }

    /**
     * PostgreSQL or Kafka unreachable: the record is fine, the world is not; wait for it. Only these causes
     * count: the listener wrappers around every failure are Spring KafkaExceptions too, so "any
     * KafkaException" would retry every bug forever instead of dead-lettering the record.
     */
    static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PipelineUnavailableException
                    || cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof org.apache.kafka.common.errors.RetriableException) {
                return true;
            }
        }
        return false;
    }
}
