package com.trackgeek.sync.freshness;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.RefreshRequested;
import com.trackgeek.contracts.SyncLane;
import com.trackgeek.contracts.SyncStatus;
import com.trackgeek.servicekit.AcknowledgedSend;
import com.trackgeek.servicekit.PipelineUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Queues the refreshes the freshness policy calls for: every {@code interval}, the items whose {@code stale_after}
 * has passed (or was never computed), oldest first, fully stored (not a search hit), not deleted upstream except
 * for their rare re-check, and not failed within {@code failed-retry}, are marked stale and sent as
 * {@link RefreshRequested} on the bulk lane, where the shared budget's bulk share keeps interactive work first.
 *
 * <p>One run at a time across replicas: a run holds a transaction-level PostgreSQL advisory lock on its own key,
 * taken with {@code pg_try_advisory_xact_lock} (a replica that does not get it skips the run). Each refresh is a
 * {@code sync_request} row (REFRESH, bulk lane, queued) inserted before its command is published, so the partial
 * unique index keeps one active request per item whoever queues it (a person's refresh on the API, a change feed,
 * this sweeper): a conflict means already queued. A command Kafka does not acknowledge has its row deleted, and
 * its item stays due for the next run.
 *
 * <p>Its pace: at most {@code batch} per run, and nothing while {@code max-queued} bulk-lane requests are active,
 * so the bulk lane never holds more than it drains in a few minutes.
 */
@Component
class FreshnessSweeper {

    private static final Logger log = LoggerFactory.getLogger(FreshnessSweeper.class);
    private static final String LOCK = "trackgeek.freshness.sweeper";

    /** Due, as the sweeper and its backlog gauge count it. */
    private static final String DUE = """
             from sync_state s
             join media_item i on i.media_type = s.media_type and i.provider_id = s.provider_id and not i.partial
            where (s.stale_after is null or s.stale_after <= :now)
              and not (s.status = :failed and s.last_failed_at > :failedSince)
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<Object, Object> kafka;
    private final FreshnessProperties.Sweeper properties;
    private final Clock clock;
    private final AtomicLong due = new AtomicLong();
    private final Counter queued;

    FreshnessSweeper(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<Object, Object> kafka,
                     FreshnessProperties properties, Clock clock, MeterRegistry meterRegistry) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.properties = properties.sweeper();
        this.clock = clock;
        Gauge.builder("trackgeek.freshness.due", due, AtomicLong::get)
                .description("Stored items past their freshness threshold, refresh queued or not (counted by the sweeper each run)")
                .register(meterRegistry);
        this.queued = Counter.builder("trackgeek.freshness.queued")
                .description("Refreshes the freshness sweeper queued on the bulk lane")
                .register(meterRegistry);
    }

    @Scheduled(fixedDelayString = "${trackgeek.sync.freshness.sweeper.interval:1m}",
            initialDelayString = "${trackgeek.sync.freshness.sweeper.interval:1m}")
    void scheduled() {
        if (!properties.enabled()) {
            return;
        }
        try {
            sweep();
        } catch (RuntimeException failure) {
            // The database or Kafka is away: the next run tries again; nothing was queued half-way.
            log.warn("Freshness sweep failed: {}", failure.toString());
        }
    }

    /**
     * One run.
     *
     * @return the refreshes queued; -1 when another replica's run holds the sweep
     */
    int sweep() {
        Instant now = clock.instant();
        List<RefreshRequested> commands = transactions.execute(status -> {
            if (!jdbc.sql("select pg_try_advisory_xact_lock(hashtext(:key))").param("key", LOCK).query(Boolean.class).single()) {
                return null;
            }
            due.set(countDue(now));
            int room = Math.min(properties.batch(), properties.maxQueued() - activeOnBulkLane());
            return room <= 0 ? List.<RefreshRequested>of() : queue(now, room);
        });
        if (commands == null) {
            return -1;
        }
        int sent = 0;
        for (RefreshRequested command : commands) {
            try {
                AcknowledgedSend.send(kafka, SyncLane.BULK.topic(), command.item().toString(), command, properties.publishTimeout());
                sent++;
                queued.increment();
            } catch (PipelineUnavailableException refused) {
                jdbc.sql("delete from sync_request where id = :id and status = 'queued'").param("id", command.requestId()).update();
                log.warn("Freshness sweep: Kafka refused the refresh of {}, left for the next run: {}", command.item(), refused.getMessage());
            }
        }
        if (sent > 0) {
            log.info("Freshness sweep queued {} refreshes ({} items due)", sent, due.get());
        }
        return sent;
    }

    private long countDue(Instant now) {
        return jdbc.sql("select count(*)" + DUE)
                .param("now", utc(now))
                .param("failed", SyncStatus.FAILED.value())
                .param("failedSince", utc(now.minus(properties.failedRetry())))
                .query(Long.class).single();
    }

    private int activeOnBulkLane() {
        return jdbc.sql("select count(*) from sync_request where lane = :lane and status in ('queued', 'running')")
                .param("lane", SyncLane.BULK.name())
                .query(Integer.class).single();
    }

    /** Inserts a queued request per due item not already queued, oldest first, and marks the item stale. */
    private List<RefreshRequested> queue(Instant now, int room) {
        List<MediaKey> candidates = jdbc.sql("select s.media_type, s.provider_id" + DUE + """
                          and not exists (select 1 from sync_request r
                                           where r.media_type = s.media_type and r.provider_id = s.provider_id
                                             and r.status in ('queued', 'running'))
                        order by s.stale_after nulls first
                        limit :room
                        """)
                .param("now", utc(now))
                .param("failed", SyncStatus.FAILED.value())
                .param("failedSince", utc(now.minus(properties.failedRetry())))
                .param("room", room)
                .query((rs, row) -> key(rs.getString("media_type"), rs.getLong("provider_id")))
                .list();
        List<RefreshRequested> commands = new ArrayList<>();
        for (MediaKey key : candidates) {
            if (key == null) {
                continue; // a type a newer version stores
            }
            UUID requestId = UUID.randomUUID();
            int inserted = jdbc.sql("""
                            insert into sync_request (id, media_type, provider_id, kind, lane, status)
                            values (:id, :type, :providerId, 'REFRESH', :lane, 'queued')
                            on conflict do nothing
                            """)
                    .param("id", requestId)
                    .param("type", key.type().name())
                    .param("providerId", key.id())
                    .param("lane", SyncLane.BULK.name())
                    .update();
            if (inserted == 0) {
                continue; // queued meanwhile by someone else: one active request per item
            }
            jdbc.sql("update sync_state set status = :stale, updated_at = now() where media_type = :type and provider_id = :id and status <> :gone")
                    .param("stale", SyncStatus.STALE.value())
                    .param("gone", SyncStatus.GONE.value())
                    .param("type", key.type().name())
                    .param("id", key.id())
                    .update();
            commands.add(RefreshRequested.of(requestId, key, SyncLane.BULK, now));
        }
        return commands;
    }

    /** Null for a type a newer version stores. */
    private static MediaKey key(String type, long id) {
        try {
            return MediaKey.of(MediaType.valueOf(type), id);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
