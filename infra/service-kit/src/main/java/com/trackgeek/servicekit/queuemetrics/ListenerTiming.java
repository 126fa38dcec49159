package com.trackgeek.servicekit.queuemetrics;

import com.trackgeek.contracts.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;

import java.time.Duration;

/**
 * Processing rate and latency per lane ({@code trackgeek.kafka.records{topic,lane,outcome}}), for every listener of
 * every service, taken where the container hands records to the listener: no listener has to remember to time
 * itself. A batch counts once per record, each with its share of the batch's time, so rates compare across lanes.
 */
final class ListenerTiming implements RecordInterceptor<Object, Object>, BatchInterceptor<Object, Object> {

    static final String NAME = "trackgeek.kafka.records";

    private final MeterRegistry registry;
    private final ThreadLocal<Long> started = new ThreadLocal<>();

    ListenerTiming(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        started.set(System.nanoTime());
        return record;
    }

    @Override
    public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        record(record.topic(), "ok", 1);
    }

    @Override
    public void failure(ConsumerRecord<Object, Object> record, Exception exception, Consumer<Object, Object> consumer) {
        record(record.topic(), "error", 1);
    }

    @Override
    public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
        started.set(System.nanoTime());
        return records;
    }

    @Override
    public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
        recordBatch(records, "ok");
    }

    @Override
    public void failure(ConsumerRecords<Object, Object> records, Exception exception, Consumer<Object, Object> consumer) {
        recordBatch(records, "error");
    }

    private void recordBatch(ConsumerRecords<Object, Object> records, String outcome) {
        records.partitions().forEach(partition ->
                record(partition.topic(), outcome, records.count() == 0 ? 1 : records.count(), records.records(partition).size()));
    }

    private void record(String topic, String outcome, int shareOf) {
        record(topic, outcome, shareOf, 1);
    }

    /** Records {@code times} records of the topic, each taking 1/shareOf of the time since the interception. */
    private void record(String topic, String outcome, int shareOf, int times) {
        Long start = started.get();
        if (start == null) {
            return;
        }
        Duration each = Duration.ofNanos((System.nanoTime() - start) / shareOf);
        Timer timer = Timer.builder(NAME)
                .description("Time a listener spent on one record, by topic, lane and outcome (count: records processed)")
                .tags("topic", topic, "lane", Topics.lane(topic), "outcome", outcome)
                .register(registry);
        for (int i = 0; i < times; i++) {
            timer.record(each);
        }
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        started.remove();
    }

    @Override
    public void clearThreadState(Consumer<?, ?> consumer) {
        started.remove();
    }
}
