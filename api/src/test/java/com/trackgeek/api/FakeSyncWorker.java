package com.trackgeek.api;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.ItemSynced;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.SyncFailed;
import com.trackgeek.contracts.SyncRequest;
import com.trackgeek.contracts.Topics;
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
 * would write (the item, its sync state, the request's status) and publishes the outcome events, in the
 * worker's order: database first, event after the commit.
 */
public final class FakeSyncWorker {

    private final JdbcClient jdbc;
    private final KafkaTemplate<Object, Object> kafka;

    FakeSyncWorker(JdbcClient jdbc, KafkaTemplate<Object, Object> kafka) {
        this.jdbc = jdbc;
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

    /** The commands for {@code key} that arrive within {@code window}. */
    public static List<SyncRequest> drainCommands(TopicProbe probe, MediaKey key, Duration window, JsonMapper json) {
        return probe.drain(window).stream()
                .filter(r -> key.toString().equals(r.key()))
                .map(r -> json.readValue(r.value(), SyncRequest.class))
                .toList();
    }

    public void completeFetch(UUID requestId, MediaKey key, String title) {
        storeAnime(key, title, requestId);
        markDone(requestId);
        publishSynced(requestId, key);
    }

    public void failFetch(UUID requestId, MediaKey key, ErrorCode code, String detail) {
        recordFailure(key, code, detail, Instant.now(), requestId);
        markFailed(requestId, code, detail);
        publishFailed(requestId, key, code, detail);
    }

    public void storeAnime(MediaKey key, String title, UUID requestId) {
        jdbc.sql("""
                        insert into anime (mal_id, url, image_url, trailer, title, titles, type, source,
                                           number_of_episodes, status, airing, aired_from, aired_to, aired_text,
                                           duration, rating, score, scored_by, rank, popularity, members, favorites,
                                           synopsis, season, year, broadcast, genres, studios, themes,
                                           last_refreshed_at)
                        values (:id, 'https://myanimelist.net/anime/' || :id, 'https://cdn.myanimelist.net/images/anime/1223/96541.jpg',
                                '{"youtubeId":"--IcmZkvL0Q","url":"https://www.youtube.com/watch?v=--IcmZkvL0Q"}'::jsonb,
                                :title,
                                jsonb_build_array(jsonb_build_object('type', 'Default', 'title', :title),
                                                  jsonb_build_object('type', 'Japanese', 'title', '鋼の錬金術師')),
                                'TV', 'Manga', 64, 'Finished Airing', false,
                                '2009-04-05T00:00:00Z', '2010-07-04T00:00:00Z', 'Apr 5, 2009 to Jul 4, 2010',
                                '24 min per ep', 'R - 17+ (violence & profanity)', 9.10, 2112345, 1, 3, 3456789, 225000,
                                'Two brothers search for a Philosopher''s Stone.', 'spring', 2009,
                                '{"day":"Sundays","time":"17:00","timezone":"Asia/Tokyo","string":"Sundays at 17:00 (JST)"}'::jsonb,
                                '[{"malId":1,"type":"anime","name":"Action"},{"malId":2,"type":"anime","name":"Adventure"}]'::jsonb,
                                '[{"malId":4,"type":"anime","name":"Bones"}]'::jsonb,
                                '[{"malId":38,"type":"anime","name":"Military"}]'::jsonb,
                                now())
                        on conflict (mal_id) do update set title = excluded.title, titles = excluded.titles,
                                                          updated_at = now()""")
                .param("id", key.id())
                .param("title", title)
                .update();
        jdbc.sql("""
                        insert into sync_state (media_type, provider_id, status, last_synced_at, attempts, last_request_id)
                        values (:type, :id, 'pending_embeddings', now(), 1, :requestId)
                        on conflict (media_type, provider_id) do update
                           set status = excluded.status, last_synced_at = excluded.last_synced_at,
                               last_error_code = null, last_request_id = excluded.last_request_id, updated_at = now()""")
                .param("type", key.type().name())
                .param("id", key.id())
                .param("requestId", requestId)
                .update();
    }

    public void recordFailure(MediaKey key, ErrorCode code, String detail, Instant failedAt, UUID requestId) {
        jdbc.sql("""
                        insert into sync_state (media_type, provider_id, status, last_error_code, last_error_detail,
                                                last_failed_at, attempts, last_request_id)
                        values (:type, :id, 'failed', :code, :detail, :failedAt, 1, :requestId)
                        on conflict (media_type, provider_id) do update
                           set status = 'failed', last_error_code = excluded.last_error_code,
                               last_error_detail = excluded.last_error_detail, last_failed_at = excluded.last_failed_at,
                               last_request_id = excluded.last_request_id, updated_at = now()""")
                .param("type", key.type().name())
                .param("id", key.id())
                .param("code", code.name())
                .param("detail", detail)
                .param("failedAt", java.sql.Timestamp.from(failedAt))
                .param("requestId", requestId)
                .update();
    }

    public void markRunning(UUID requestId) {
        jdbc.sql("""
                        update sync_request set status = 'running', started_at = now(), attempts = attempts + 1,
                                                updated_at = now()
                         where id = :id""")
                .param("id", requestId)
                .update();
    }

    public void markDone(UUID requestId) {
        jdbc.sql("update sync_request set status = 'done', finished_at = now(), updated_at = now() where id = :id")
                .param("id", requestId)
                .update();
    }

    public void markFailed(UUID requestId, ErrorCode code, String detail) {
        jdbc.sql("""
                        update sync_request set status = 'failed', error_code = :code, error_detail = :detail,
                                                finished_at = now(), updated_at = now()
                         where id = :id""")
                .param("id", requestId)
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
