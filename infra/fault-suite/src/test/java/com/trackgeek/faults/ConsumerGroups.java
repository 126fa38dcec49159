package com.trackgeek.faults;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/**
 * The consumer groups at work on the broker, asked of Kafka itself rather than of the services' code: which group
 * has a member assigned a partition of which topic (a group without members, such as a killed api instance's group
 * of its own, consumes nothing), and how far each group is behind on its topics.
 */
final class ConsumerGroups implements AutoCloseable {

    private final Admin admin;

    ConsumerGroups(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** For every topic {@code wanted} accepts: the groups with a member assigned one of its partitions. */
    Map<String, Set<String>> consuming(Predicate<String> wanted) {
        Map<String, Set<String>> groupsByTopic = new TreeMap<>();
        try {
            List<String> groupIds = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get().stream()
                    .map(GroupListing::groupId).toList();
            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(groupIds).all().get();
            groups.forEach((group, description) -> description.members().forEach(member ->
                    member.assignment().topicPartitions().stream().map(TopicPartition::topic).filter(wanted)
                            .forEach(topic -> groupsByTopic.computeIfAbsent(topic, t -> new TreeSet<>()).add(group))));
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot read the consumer groups", e);
        }
        return groupsByTopic;
    }

    /** Records of {@code topic} the group has not committed yet (its lag), over all partitions. */
    long lag(String group, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(partition -> latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest()));
            long lag = 0;
            for (var end : admin.listOffsets(latest).all().get().entrySet()) {
                OffsetAndMetadata at = committed.get(end.getKey());
                lag += end.getValue().offset() - (at == null ? 0 : at.offset());
            }
            return lag;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot read the offsets of " + group, e);
        }
    }

    /** The offsets {@code group} has committed, by partition. */
    Map<TopicPartition, Long> committed(String group) {
        try {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .forEach((partition, at) -> offsets.put(partition, at == null ? 0 : at.offset()));
            return offsets;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot read the offsets of " + group, e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
