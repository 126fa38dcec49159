package com.trackgeek.embedding.lane;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

import java.util.Collection;

/**
 * The two lanes' listener containers, tuned for priority: short polls so that pausing and resuming the low
 * lane takes effect quickly, idle events from the high lane (the signal that it has drained), and the low
 * lane's batch size.
 */
@Configuration(proxyBeanMethods = false)
class LaneContainers {

    static final String HIGH = "embedding-high";
    static final String LOW = "embedding-low";

    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> laneContainerCustomizer(
            LaneProperties properties, LanePriority priority) {
        return container -> {
            var containerProperties = container.getContainerProperties();
            containerProperties.setPollTimeout(properties.pollTimeout().toMillis());
            if (HIGH.equals(container.getListenerId())) {
                containerProperties.setIdleEventInterval(properties.highQuietAfter().toMillis());
                containerProperties.setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {
                    @Override
                    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                        // Newly assigned partitions may hold a backlog nobody has looked at yet.
                        priority.highAssigned(partitions);
                    }
                });
            } else if (LOW.equals(container.getListenerId())) {
                containerProperties.getKafkaConsumerProperties()
                        .setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(properties.lowBatchSize()));
            }
        };
    }
}
