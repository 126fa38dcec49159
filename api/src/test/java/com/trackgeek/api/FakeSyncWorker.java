package com.trackgeek.api;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.ItemSynced;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.ProviderSearchRequested;
import com.trackgeek.contracts.RequestStatus;
import com.trackgeek.contracts.SyncFailed;
import com.trackgeek.contracts.SyncRequest;
import com.trackgeek.contracts.SyncStatus;
import com.trackgeek.contracts.Topics;
import com.trackgeek.contracts.catalog.CatalogItem;
import com.trackgeek.servicekit.items.MediaItemStore;
import com.trackgeek.testsupport.SharedInfrastructure;
import com.trackgeek.testsupport.TopicProbe;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Plays the sync worker for the API's tests: reads the commands the API publishes, writes what the worker
 * would write (the item through the one item store, its sync state, the request's status) and publishes the outcome events, in the
 * worker's order: database first, event after the commit.
 */
public final class FakeSyncWorker {

    private final JdbcClient jdbc;
    private final MediaItemStore items;
    private final KafkaTemplate<Object, Object> kafka;

    FakeSyncWorker(JdbcClient jdbc, MediaItemStore items, KafkaTemplate<Object, Object> kafka) {
        this.jdbc = jdbc;
        this.items = items;
        this.kafka = kafka;
    }

    /** Open before the request that publishes: only what is published afterwards is seen. */
    public static TopicProbe watchInteractiveLane() {
        return TopicProbe.openAtEnd(SharedInfrastructure.kafka().bootstrapServers(), Topics.SYNC_REQUESTS_INTERACTIVE);
    }

    public static SyncRequest awaitCommand(TopicProbe probe, MediaKey key, JsonMapper json) {
        var record = probe.await(r -> key.toString().equals(r.key()), Duration.ofSeconds(30));
        return json.readValue(record.value(), SyncRequest.class);
    }

    /** Open before the search that publishes: only provider searches published afterwards are seen. */
    public static TopicProbe watchProviderSearches() {
        return TopicProbe.openAtEnd(SharedInfrastructure.kafka().bootstrapServers(), Topics.PROVIDER_SEARCHES);
    }

    /** The provider searches published within {@code window} whose normalised query contains {@code text}. */
    public static List<ProviderSearchRequested> drainSearches(TopicProbe probe, String text, Duration window, JsonMapper json) {
        return probe.drain(window).stream()
                .map(r -> json.readValue(r.value(), ProviderSearchRequested.class))
                .filter(search -> search.query().contains(text))
                .toList();
    }

    /**
     * Answers a provider search as the worker would: its hits stored as partial items (a full item is left as
     * it is), then the page written into the search's row, if the row is still that search's.
     */
    public void answerSearch(ProviderSearchRequested search, List<CatalogItem> hits, Long total, boolean hasMore) {
        hits.forEach(items::upsertPartial);
        searchRow(search, "done", hits.stream().mapToLong(hit -> hit.key().id()).toArray(), total, hasMore, null, null);
    }

    public void failSearch(ProviderSearchRequested search, ErrorCode code, String detail) {
        searchRow(search, "failed", null, null, false, code, detail);
    }

    private void searchRow(ProviderSearchRequested search, String status, long[] ids, Long total, boolean hasMore,
                           ErrorCode code, String detail) {
        jdbc.sql("""
                        update provider_search
                           set status = :status, provider_ids = :ids, total = :total, has_more = :hasMore,
                               error_code = :code, error_detail = :detail, answered_at = now()
                         where media_type = :type and query = :query and page = :page and page_size = :limit
                           and search_id = :searchId""")
                .param("status", status)
                .param("ids", ids)
                .param("total", total)
                .param("hasMore", hasMore)
                .param("code", code == null ? null : code.name())
                .param("detail", detail)
                .param("type", search.type().name())
                .param("query", search.query())
                .param("page", search.page())
                .param("limit", search.limit())
                .param("searchId", search.searchId())
                .update();
    }

    /** The commands for {@code key} that arrive within {@code window}. */
    public static List<SyncRequest> drainCommands(TopicProbe probe, MediaKey key, Duration window, JsonMapper json) {
        return probe.drain(window).stream()
                .filter(r -> key.toString().equals(r.key()))
                .map(r -> json.readValue(r.value(), SyncRequest.class))
                .toList();
    }

    public void completeFetch(UUID requestId, MediaKey key, String title) {
        storeItem(key, title, requestId);
        markDone(requestId);
        publishSynced(requestId, key);
    }

    public void failFetch(UUID requestId, MediaKey key, ErrorCode code, String detail) {
        recordFailure(key, code, detail, Instant.now(), requestId);
        markFailed(requestId, code, detail);
        publishFailed(requestId, key, code, detail);
    }

    /**
     * Stores the item as the worker would, through the one item store: the fixture record of its type under
     * the key's id, called {@code title}, and its sync state.
     */
    public void storeItem(MediaKey key, String title, UUID requestId) {
        store(switch (key.type()) {
            case ANIME -> CatalogFixtures.anime(key.id(), title);
            case MANGA -> CatalogFixtures.manga(key.id(), title);
            default -> throw new IllegalArgumentException(key.type() + " has no catalog record");
        }, requestId);
    }

    public void store(CatalogItem item, UUID requestId) {
        items.upsert(item);
        jdbc.sql("""
                        insert into sync_state (media_type, provider_id, status, last_synced_at, attempts, last_request_id)
                        values (:type, :id, :status, now(), 1, :requestId)
                        on conflict (media_type, provider_id) do update
                           set status = excluded.status, last_synced_at = excluded.last_synced_at,
                               last_error_code = null, last_request_id = excluded.last_request_id, updated_at = now()""")
                .param("type", item.key().type().name())
                .param("id", item.key().id())
                .param("status", SyncStatus.PENDING_EMBEDDINGS.value())
                .param("requestId", requestId)
                .update();
    }

    public void recordFailure(MediaKey key, ErrorCode code, String detail, Instant failedAt, UUID requestId) {
        jdbc.sql("""
                        insert into sync_state (media_type, provider_id, status, last_error_code, last_error_detail,
                                                last_failed_at, attempts, last_request_id)
                        values (:type, :id, :failed, :code, :detail, :failedAt, 1, :requestId)
                        on conflict (media_type, provider_id) do update
                           set status = excluded.status, last_error_code = excluded.last_error_code,
                               last_error_detail = excluded.last_error_detail, last_failed_at = excluded.last_failed_at,
                               last_request_id = excluded.last_request_id, updated_at = now()""")
                .param("type", key.type().name())
                .param("id", key.id())
                .param("failed", SyncStatus.FAILED.value())
                .param("code", code.name())
                .param("detail", detail)
                .param("failedAt", java.sql.Timestamp.from(failedAt))
                .param("requestId", requestId)
                .update();
    }

    public void markRunning(UUID requestId) {
        jdbc.sql("""
                        update sync_request set status = :running, started_at = coalesce(started_at, now()),
                                                attempts = attempts + 1, updated_at = now()
                         where id = :id""")
                .param("id", requestId)
                .param("running", RequestStatus.RUNNING.value())
                .update();
    }

    public void markDone(UUID requestId) {
        jdbc.sql("update sync_request set status = :done, finished_at = now(), updated_at = now() where id = :id")
                .param("id", requestId)
                .param("done", RequestStatus.DONE.value())
                .update();
    }

    public void markFailed(UUID requestId, ErrorCode code, String detail) {
        jdbc.sql("""
                        update sync_request set status = :failed, error_code = :code, error_detail = :detail,
                                                finished_at = now(), updated_at = now()
                         where id = :id""")
                .param("id", requestId)
                .param("failed", RequestStatus.FAILED.value())
                .param("code", code.name())
                .param("detail", detail)
                .update();
    }

    public void publishSynced(UUID requestId, MediaKey key) {
        publish(key, ItemSynced.of(requestId, key, Instant.now()));
    }

    public void publishFailed(UUID requestId, MediaKey key, ErrorCode code, String detail) {
        publish(key, SyncFailed.of(requestId, key, code, detail, Instant.now()));
    }

    private void publish(MediaKey key, Object event) {
        try {
            kafka.send(Topics.SYNC_EVENTS, key.toString(), event).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
