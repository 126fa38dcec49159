package com.trackgeek.sync.search;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.ProviderSearchRequested;
import com.trackgeek.contracts.Topics;
import com.trackgeek.sync.command.AbstractWorkerIntegrationTest;
import com.trackgeek.testsupport.Fixtures;
import com.trackgeek.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * The worker's provider searches as the API drives them: the test claims the {@code provider_search} row
 * (running, a new search id) and publishes the {@link ProviderSearchRequested}, then reads the answer from the
 * row, the items from {@code media_item} and the follow-ups from Kafka. Adds no configuration, so it runs in
 * the one worker context every worker test shares.
 */
abstract class AbstractSearchIntegrationTest extends AbstractWorkerIntegrationTest {

    static final int PAGE_SIZE = 20;
    private static final String BULK_LANE = "sync-requests-bulk";

    /** Ids of items these tests make up; apart from the command tests' ids, below the fake's not-found bound. */
    private static final AtomicLong NEXT_ID = new AtomicLong(960_000);

    static long madeUpId() {
        return NEXT_ID.incrementAndGet();
    }

    /** A query no other test asks: unrecorded, so the fakes answer it with no hits. */
    static String uniqueQuery(String words) {
        return words + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    // --- the API's part ---

    /** Claims the row for page 1 of {@code query} and publishes the command, as the API does. */
    ProviderSearchRequested search(MediaType type, String query) {
        ProviderSearchRequested command = command(type, query);
        claim(command);
        publish(command);
        return command;
    }

    static ProviderSearchRequested command(MediaType type, String query) {
        return ProviderSearchRequested.of(UUID.randomUUID(), type, query, 1, PAGE_SIZE, Instant.now());
    }

    /** The API's claim: the row running under the command's search id. */
    void claim(ProviderSearchRequested command) {
        jdbc.sql("""
                        insert into provider_search (media_type, query, page, page_size, search_id, status, requested_at)
                        values (:type, :query, :page, :size, :searchId, 'running', now())""")
                .param("type", command.type().name()).param("query", command.query()).param("page", command.page())
                .param("size", command.limit()).param("searchId", command.searchId())
                .update();
    }

    void publish(ProviderSearchRequested command) {
        kafka.send(Topics.PROVIDER_SEARCHES, command.key(), command).join();
    }

    // --- the worker's own bulk lane ---

    /**
     * Holds the worker's bulk lane, so a search's hits stay partial and its follow-ups stay unfetched until
     * {@link #resumeBulkLane()}: what the search itself did can be read without racing the full fetches.
     */
    void pauseBulkLane() {
        MessageListenerContainer bulk = listeners.getListenerContainer(BULK_LANE);
        bulk.pause();
        await().atMost(PATIENCE).until(bulk::isContainerPaused);
    }

    void resumeBulkLane() {
        listeners.getListenerContainer(BULK_LANE).resume();
    }

    /**
     * Waits for the bulk lane to have completed these hits, so no fetch of this test's is still running when
     * the next test counts its own provider calls.
     */
    void awaitFullyStored(MediaType type, List<Long> ids) {
        for (long id : ids) {
            await().atMost(PATIENCE).until(() -> partial(type, id), partial -> partial.equals(Optional.of(false)));
        }
    }

    // --- what the worker recorded ---

    /** The row of the command's key (whoever's search it is now). */
    Optional<SearchRow> row(ProviderSearchRequested command) {
        return jdbc.sql("""
                        select search_id, status, provider_ids, total, has_more, unannounced_ids, error_code,
                               error_detail, answered_at is not null as answered
                          from provider_search
                         where media_type = :type and query = :query and page = :page and page_size = :size""")
                .param("type", command.type().name()).param("query", command.query()).param("page", command.page())
                .param("size", command.limit())
                .query((rs, n) -> new SearchRow(rs.getObject("search_id", UUID.class), rs.getString("status"),
                        ids(rs.getArray("provider_ids")), rs.getObject("total", Long.class),
                        rs.getObject("has_more", Boolean.class), ids(rs.getArray("unannounced_ids")),
                        rs.getString("error_code"), rs.getString("error_detail"), rs.getBoolean("answered")))
                .optional();
    }

    /** Waits for the worker to answer the search, done or failed, and for its follow-ups to be in Kafka. */
    SearchRow awaitAnswer(ProviderSearchRequested command) {
        return await().atMost(PATIENCE).until(() -> row(command).orElseThrow(),
                row -> !row.status().equals("running") && row.unannouncedIds().isEmpty());
    }

    Optional<Boolean> partial(MediaType type, long id) {
        return jdbc.sql("select partial from media_item where media_type = :type and provider_id = :id")
                .param("type", type.name()).param("id", id).query(Boolean.class).optional();
    }

    Optional<String> title(MediaType type, long id) {
        return jdbc.sql("select title from media_item where media_type = :type and provider_id = :id")
                .param("type", type.name()).param("id", id).query(String.class).optional();
    }

    Optional<String> documentText(MediaType type, long id) {
        return jdbc.sql("select document::text from media_item where media_type = :type and provider_id = :id")
                .param("type", type.name()).param("id", id).query(String.class).optional();
    }

    // --- the providers' side ---

    JsonNode fixture(String path) {
        return json.readTree(Fixtures.body(path));
    }

    static List<Long> longs(JsonNode array, String idField) {
        List<Long> ids = new ArrayList<>();
        array.forEach(element -> ids.add(element.get(idField).asLong()));
        return ids;
    }

    static int calls(String pathRegex) {
        return jikan().requests().count(pathRegex);
    }

    // --- Kafka ---

    /**
     * Reads the probe until what it read satisfies {@code enough}; returns everything read. (A probe's
     * {@code await} drops the records it passes over; this keeps them.)
     */
    static List<ConsumerRecord<String, String>> readUntil(TopicProbe probe,
                                                          Predicate<List<ConsumerRecord<String, String>>> enough) {
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(1)).until(() -> {
            read.addAll(probe.drain(Duration.ofMillis(200)));
            return enough.test(read);
        });
        return read;
    }

    static List<String> keysOf(List<ConsumerRecord<String, String>> records, MediaType type, List<Long> among) {
        List<String> wanted = among.stream().map(id -> MediaKey.of(type, id).toString()).toList();
        return records.stream().map(ConsumerRecord::key).filter(wanted::contains).toList();
    }

    private static List<Long> ids(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((Long[]) array.getArray());
    }

    /** A {@code provider_search} row as a test reads it; {@code providerIds} null until answered. */
    record SearchRow(UUID searchId, String status, List<Long> providerIds, Long total, Boolean hasMore,
                     List<Long> unannouncedIds, String errorCode, String errorDetail, boolean answered) {
    }
}
