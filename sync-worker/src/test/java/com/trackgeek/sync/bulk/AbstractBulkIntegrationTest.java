package com.trackgeek.sync.bulk;

import com.trackgeek.contracts.Topics;
import com.trackgeek.contracts.bulk.BulkSelector;
import com.trackgeek.contracts.bulk.BulkSyncRequested;
import com.trackgeek.contracts.bulk.BulkWork;
import com.trackgeek.sync.command.AbstractWorkerIntegrationTest;
import com.trackgeek.testsupport.SharedInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.support.SendResult;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * Bulk jobs through the worker, as a producer and the API drive them: commands and work records on Kafka in, the
 * job's rows, the items and the fake providers' request logs out. Shares the one worker context of every test.
 */
abstract class AbstractBulkIntegrationTest extends AbstractWorkerIntegrationTest {

    /** A season of anime is a few hundred provider calls under the tests' Jikan limit. */
    static final Duration JOB_PATIENCE = Duration.ofMinutes(2);

    UUID start(BulkSelector selector) {
        UUID jobId = UUID.randomUUID();
        command(BulkSyncRequested.of(jobId, selector, "bulk-test", Instant.now()));
        return jobId;
    }

    void command(BulkSyncRequested command) {
        kafka.send(Topics.BULK_COMMANDS, command.key(), command).join();
    }

    SendResult<Object, Object> work(BulkWork work) {
        return kafka.send(Topics.BULK_WORK, work.key(), work).join();
    }

    String awaitFinished(UUID jobId) {
        List<String> finished = List.of("done", "cancelled", "failed");
        await().atMost(JOB_PATIENCE).until(() -> {
            String status = status(jobId);
            return status != null && finished.contains(status);
        });
        return status(jobId);
    }

    String status(UUID jobId) {
        return jdbc.sql("select status from bulk_job where id = :id").param("id", jobId).query(String.class).optional().orElse(null);
    }

    Map<String, Object> job(UUID jobId) {
        return jdbc.sql("select * from bulk_job where id = :id").param("id", jobId).query().singleRow();
    }

    /** The job's items in its order, with their outcome ("pending" while none). */
    Map<Long, String> outcomes(UUID jobId) {
        return jdbc.sql("select provider_id, coalesce(outcome, 'pending') as outcome from bulk_job_item where job_id = :id order by seq")
                .param("id", jobId)
                .query((rs, row) -> Map.entry(rs.getLong("provider_id"), rs.getString("outcome")))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    Map<String, Long> outcomeCounts(UUID jobId) {
        return outcomes(jobId).values().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    String itemErrorCode(UUID jobId, long providerId) {
        return jdbc.sql("select error_code from bulk_job_item where job_id = :id and provider_id = :providerId")
                .param("id", jobId).param("providerId", providerId).query(String.class).single();
    }

    /** A job row as the API or a worker left it, with its items pending on page 1. */
    void jobWithPendingItems(UUID jobId, BulkSelector.Ids selector, String status) {
        jdbc.sql("""
                        insert into bulk_job (id, selector, media_type, source, status, expanded_through_page,
                                              published_through_page, expansion_done, requested_at, started_at)
                        values (:id, :selector::jsonb, :type, 'kafka', :status, 1, 1, true, now(), now())
                        """)
                .param("id", jobId).param("selector", json.writeValueAsString(selector))
                .param("type", selector.type().name()).param("status", status).update();
        for (int seq = 0; seq < selector.ids().size(); seq++) {
            jdbc.sql("insert into bulk_job_item (job_id, provider_id, page, seq) values (:id, :providerId, 1, :seq)")
                    .param("id", jobId).param("providerId", selector.ids().get(seq)).param("seq", seq + 1).update();
        }
    }

    /** Waits until the worker has committed the record {@code sent}: it is processed, with all it publishes. */
    static void awaitProcessed(SendResult<Object, Object> sent) {
        var partition = new TopicPartition(sent.getRecordMetadata().topic(), sent.getRecordMetadata().partition());
        long offset = sent.getRecordMetadata().offset();
        try (Admin admin = admin()) {
            await().atMost(JOB_PATIENCE).until(() -> committed(admin).getOrDefault(partition, -1L) > offset);
        }
    }

    /** Waits until the worker has processed every record on the bulk-work topic (no lag on any partition). */
    static void awaitBulkWorkDrained() {
        try (Admin admin = admin()) {
            await().atMost(JOB_PATIENCE).until(() -> {
                var partitions = admin.describeTopics(List.of(Topics.BULK_WORK)).allTopicNames().get()
                        .get(Topics.BULK_WORK).partitions().stream()
                        .map(info -> new TopicPartition(Topics.BULK_WORK, info.partition())).toList();
                var ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                        .all().get();
                Map<TopicPartition, Long> committed = committed(admin);
                return partitions.stream().allMatch(p -> committed.getOrDefault(p, 0L) >= ends.get(p).offset());
            });
        }
    }

    private static Map<TopicPartition, Long> committed(Admin admin) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("sync-worker")
                .partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(entry -> entry.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers()));
    }
}
