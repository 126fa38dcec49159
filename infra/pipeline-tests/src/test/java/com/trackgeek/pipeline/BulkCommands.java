package com.trackgeek.pipeline;

import com.trackgeek.contracts.Topics;
import com.trackgeek.contracts.bulk.BulkSyncRequested;
import com.trackgeek.testsupport.SharedInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Bulk commands as any Kafka producer sends them: the JSON text of {@link BulkSyncRequested}, keyed by its job id,
 * through a plain Kafka producer (no Spring, no type headers), as the README's console-producer line does.
 */
final class BulkCommands {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BulkCommands() {
    }

    /** Sends {@code command} (JSON text, as a producer writes it) and waits for the broker's acknowledgement. */
    static void send(String command) {
        String key = JSON.readValue(command, BulkSyncRequested.class).key();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.BULK_COMMANDS, key, command)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused the bulk command", e.getCause());
        }
    }

    /** {@code command} as JSON text, as a producer that writes the contract's JSON would send it. */
    static String json(BulkSyncRequested command) {
        return JSON.writeValueAsString(command);
    }
}
