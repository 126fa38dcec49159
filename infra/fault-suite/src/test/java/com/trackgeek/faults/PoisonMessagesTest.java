package com.trackgeek.faults;

import com.trackgeek.contracts.Topics;
import com.trackgeek.faults.DeadLetters.DeadLetter;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 1,000 poison records on every topic a service consumes (malformed, truncated, oversized, of an unknown schema
 * version, of wrong field types, empty, null, with bad keys: {@link PoisonKind}), sent at once with a plain producer
 * to the running stack: every one ends on its topic's dead-letter topic exactly once per consumer group that reads
 * the topic, with a code and a reason; none is processed (no poison movie is fetched); and the consumers keep going:
 * a person's fetch, a bulk job and a provider search sent after the poison are answered, their movies embedded, and
 * no group is left behind on any topic. Which groups read which topic is asked of Kafka, so a consumer added
 * later is covered (and a topic nobody reads is noticed).
 */
class PoisonMessagesTest {

    private static final int PER_TOPIC = 1_000;
    private static final long FIRST_ID = 730_001;
    private static final int BULK_ITEMS = 20;
    private static final Duration SETTLE = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FaultStack stack = FaultStack.get();

    @Test
    void everyPoisonRecordIsDeadLetteredOncePerGroupWithAReasonAndTheConsumersKeepGoing() throws Exception {
        Set<String> topics = Set.copyOf(Topics.ALL);
        try (var groups = new ConsumerGroups(stack.kafkaBootstrap());
             var deadLetters = new DeadLetters(stack.kafkaBootstrap(), topics)) {
            Map<String, Set<String>> readers = await("every pipeline topic read by a consumer group").atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(500)).until(() -> groups.consuming(topics::contains), found -> found.keySet().equals(topics));

            PoisonRecords poison = new PoisonRecords(FIRST_ID + 1_000);
            List<RecordMetadata> sent = send(topics.stream().sorted().flatMap(topic -> poison.forTopic(topic, PER_TOPIC).stream()).toList());
            Instant lastPoisonSent = Instant.now();

            ValidWork valid = ValidWork.start(stack.apiUrl());
            Map<String, Long> expected = expectedDeadLetters(readers);
            // Read the dead letters and watch the valid work at once: recovery is when the work after the poison is done.
            Instant deadline = Instant.now().plus(SETTLE);
            Instant validDoneAt = null;
            List<DeadLetter> received = List.of();
            while (Instant.now().isBefore(deadline)) {
                received = deadLetters.readFor(Duration.ofSeconds(1));
                if (validDoneAt == null && valid.done(stack)) {
                    validDoneAt = Instant.now();
                }
                if (validDoneAt != null && onTheirDeadLetterTopics(received, expected) == expected.size()) {
                    break;
                }
            }
            boolean validDone = validDoneAt != null;
            Duration recovery = Duration.between(lastPoisonSent, validDone ? validDoneAt : Instant.now());
            settled(Duration.ofMinutes(1), () -> totalLag(groups, readers) == 0);
            long lag = totalLag(groups, readers);
            received = deadLetters.readFor(Duration.ofSeconds(3)); // a record dead-lettered twice would arrive meanwhile

            List<DeadLetter> ours = received.stream().filter(letter -> letter.poisonId() != null).toList();
            Map<String, Long> perPoisonAndGroup = ours.stream().collect(Collectors.groupingBy(DeadLetters::key, TreeMap::new, Collectors.counting()));
            long withReason = perPoisonAndGroup.keySet().stream().filter(expected::containsKey)
                    .filter(key -> ours.stream().anyMatch(letter -> DeadLetters.key(letter).equals(key) && hasReason(letter))).count();
            long duplicates = perPoisonAndGroup.values().stream().mapToLong(times -> times - 1).sum();
            long lost = expected.size() - withReason;
            long read = readByTheirGroups(groups, readers, sent);
            List<Long> poisonFetched = FaultUnderLoad.servedMovies(stack, poison.movies());
            Map<Long, Long> validServed = Ledger.count(FaultUnderLoad.servedMovies(stack, valid.movies()));

            new ScenarioReport("poison: " + PER_TOPIC + " malformed, truncated, oversized, wrong-version, wrong-type, empty, null and bad-key"
                    + " records on each of the " + topics.size() + " consumed topics", sent.size(), read, withReason, lost, duplicates,
                    Ledger.fetchedAgain(validServed), recovery,
                    "dead letters expected " + expected.size() + " (one per record and group, " + groupCount(readers) + " groups), poison movies fetched "
                            + poisonFetched.size() + ", " + valid.state(stack) + ", lag left " + lag).publish();

            assertThat(sent).as("poison records sent").hasSize(PER_TOPIC * topics.size());
            assertThat(perPoisonAndGroup.keySet()).as("dead letters, one per poison record and consumer group").isEqualTo(expected.keySet());
            assertThat(ours).as("every dead letter names a code and says what was wrong")
                    .allSatisfy(letter -> assertThat(hasReason(letter)).as(letter.toString()).isTrue());
            assertThat(duplicates).as("records dead-lettered twice by the same group").isZero();
            assertThat(lost).as("poison records not on their dead-letter topic").isZero();
            assertThat(read).as("poison records the consumers read and committed").isEqualTo(expected.size());
            assertThat(poisonFetched).as("movies named by poison that were fetched: poison processed as work").isEmpty();
            assertThat(validDone).as("the work after the poison done: " + valid.state(stack)).isTrue();
            assertThat(lag).as("records of the consumed topics no group has committed").isZero();
            assertThat(validServed.keySet()).as("the valid work's movies fetched").hasSize(valid.movies().size());
        }
    }

    /** Waits up to {@code atMost} for {@code condition}; whether it held is reported and asserted, not thrown. */
    private static boolean settled(Duration atMost, java.util.concurrent.Callable<Boolean> condition) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(condition);
            return true;
        } catch (ConditionTimeoutException reportedBelow) {
            return false;
        }
    }

    /** One expected dead letter per poison record and group reading its topic (key: poison id and group). */
    private static Map<String, Long> expectedDeadLetters(Map<String, Set<String>> readers) {
        Map<String, Long> expected = new HashMap<>();
        readers.forEach((topic, groups) -> {
            for (int i = 0; i < PER_TOPIC; i++) {
                for (String group : groups) {
                    expected.put(topic + "/" + i + " " + group, 1L);
                }
            }
        });
        return expected;
    }

    private static long onTheirDeadLetterTopics(List<DeadLetter> letters, Map<String, Long> expected) {
        return letters.stream().map(DeadLetters::key).filter(expected::containsKey).distinct().count();
    }

    private static boolean hasReason(DeadLetter letter) {
        return letter.code() != null && !letter.code().isBlank() && letter.reason() != null && !letter.reason().isBlank();
    }

    private static long groupCount(Map<String, Set<String>> readers) {
        return readers.values().stream().flatMap(Set::stream).distinct().count();
    }

    private static List<RecordMetadata> send(List<ProducerRecord<byte[], byte[]>> records) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, FaultStack.get().kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024), new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> futures = new ArrayList<>(records.size());
            records.forEach(record -> futures.add(producer.send(record)));
            producer.flush();
            List<RecordMetadata> sent = new ArrayList<>(futures.size());
            for (Future<RecordMetadata> future : futures) {
                sent.add(future.get());
            }
            return sent;
        }
    }

    /** Poison records below the committed offset of every group that reads their topic, counted once per group. */
    private static long readByTheirGroups(ConsumerGroups groups, Map<String, Set<String>> readers, List<RecordMetadata> sent) {
        long read = 0;
        for (var entry : readers.entrySet()) {
            for (String group : entry.getValue()) {
                Map<TopicPartition, Long> committed = groups.committed(group);
                read += sent.stream().filter(record -> record.topic().equals(entry.getKey()))
                        .filter(record -> record.offset() < committed.getOrDefault(new TopicPartition(record.topic(), record.partition()), 0L))
                        .count();
            }
        }
        return read;
    }

    private static long totalLag(ConsumerGroups groups, Map<String, Set<String>> readers) {
        return readers.entrySet().stream()
                .mapToLong(entry -> entry.getValue().stream().mapToLong(group -> groups.lag(group, entry.getKey())).sum()).sum();
    }

    /**
     * Work sent after the poison, through the api, that crosses every consumed topic between them: a person's fetch
     * (interactive sync requests, sync events, the high embedding lane, embedding events), a bulk job (bulk commands,
     * bulk work, the low lane) and a provider search.
     */
    private record ValidWork(UUID fetch, long fetchedMovie, UUID job, String search, String apiUrl) {

        static ValidWork start(String apiUrl) throws Exception {
            long movie = FIRST_ID;
            var response = HTTP.send(HttpRequest.newBuilder(URI.create(apiUrl + "/api/v1/movie/" + movie + "?wait=PT0S"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).as("a person's fetch after the poison accepted").isEqualTo(202);
            String location = response.headers().firstValue("Location").orElseThrow();
            UUID fetch = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
            UUID job = MixedLoad.bulkJob(apiUrl, FIRST_ID + 10, BULK_ITEMS);
            return new ValidWork(fetch, movie, job, "poison check " + UUID.randomUUID(), apiUrl);
        }

        List<Long> movies() {
            return LongStream.concat(LongStream.of(fetchedMovie), LongStream.range(FIRST_ID + 10, FIRST_ID + 10 + BULK_ITEMS)).boxed().toList();
        }

        boolean done(FaultStack stack) throws Exception {
            Ledger ledger = new Ledger(stack.database());
            String fetchStatus = stack.database().sql("select status from sync_request where id = ?").param(fetch)
                    .query(String.class).optional().orElse("");
            return "done".equals(fetchStatus) && "done".equals(ledger.bulk(job).status())
                    && ledger.stored(movies()) == movies().size() && ledger.withoutVector(movies()) == 0 && searchAnswered();
        }

        /** Where each part stands, for the report. */
        String state(FaultStack stack) {
            Ledger ledger = new Ledger(stack.database());
            String fetchStatus = stack.database().sql("select status from sync_request where id = ?").param(fetch)
                    .query(String.class).optional().orElse("none");
            String search;
            try {
                search = searchAnswered() ? "answered" : "not answered";
            } catch (Exception e) {
                search = e.toString();
            }
            return "after the poison: fetch " + fetchStatus + ", bulk job of " + BULK_ITEMS + " " + ledger.bulk(job).status()
                    + ", movies stored " + ledger.stored(movies()) + "/" + movies().size() + " without vector " + ledger.withoutVector(movies())
                    + ", provider search " + search;
        }

        /** The provider's part of the search answered (or answered already and kept: "cached"). */
        private boolean searchAnswered() throws Exception {
            var response = HTTP.send(HttpRequest.newBuilder(URI.create(apiUrl + "/api/v1/movie/search?q="
                    + java.net.URLEncoder.encode(search, java.nio.charset.StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return false;
            }
            JsonNode providers = JSON.readTree(response.body()).path("providers");
            return providers.size() == 1 && Set.of("answered", "cached").contains(providers.get(0).path("outcome").asString());
        }
    }
}
