package com.trackgeek.localstack;

import com.trackgeek.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Kafka broker in KRaft mode, in this JVM (spring-kafka-test's {@link EmbeddedKafkaKraftBroker}),
 * with every pipeline topic and its dead-letter topic created up front.
 *
 * <p>Its log directories are temporary: messages do not survive a restart of this process.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaServer.class);

    private final EmbeddedKafkaKraftBroker broker;

    private EmbeddedKafkaServer(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    /**
     * Starts the broker on a free port ({@link #bootstrapServers()} tells which): spring-kafka-test's KRaft
     * broker does not apply fixed ports ({@code kafkaPorts} is ignored in KRaft mode).
     *
     * @param partitions partitions of every pipeline topic
     */
    public static EmbeddedKafkaServer start(int partitions) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions);
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "false",
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                // Consumers of a fresh group start at once instead of waiting for more members.
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(new NewTopic(topic, partitions, (short) 1));
            topics.add(new NewTopic(Topics.deadLetter(topic), partitions, (short) 1));
        }
        broker.addTopics(topics.toArray(NewTopic[]::new));
        log.info("Kafka (KRaft) listening on {}", broker.getBrokersAsString());
        return new EmbeddedKafkaServer(broker);
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
