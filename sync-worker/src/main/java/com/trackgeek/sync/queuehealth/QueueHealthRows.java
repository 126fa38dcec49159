package com.trackgeek.sync.queuehealth;

import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.RequestStatus;
import com.trackgeek.contracts.SyncLane;
import com.trackgeek.contracts.SyncStatus;
import com.trackgeek.contracts.bulk.BulkJobStatus;
import io.micrometer.core.instrument.Tags;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The queries behind the queue-health gauges, each one explicit SQL over the tables the pipeline keeps anyway
 * ({@code sync_state}, {@code sync_request}, {@code bulk_job}, {@code bulk_job_item}); each answer is the gauge's
 * series by tags. Every series the catalogue names is there, zeros included, so a panel never shows "no data" for
 * "none". "Now" is the caller's clock.
 */
final class QueueHealthRows {

    /** Active requests: the API's queued ones and those a worker has claimed. */
    private static final List<String> WAITING = Arrays.stream(RequestStatus.values()).filter(RequestStatus::isActive)
            .map(RequestStatus::value).toList();
    private static final List<String> UNFINISHED = Arrays.stream(BulkJobStatus.values()).filter(status -> !status.isFinished())
            .map(BulkJobStatus::value).toList();

    private final JdbcClient jdbc;

    QueueHealthRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * {@code sync_state} rows by type and status, as a reader sees them: gone beats everything (a gone item is kept,
     * served marked gone and never refreshed), a fresh item whose {@code stale_after} has passed counts as stale
     * (the sweeper marks it stale only when it queues its refresh), and a null {@code stale_after} (stored before
     * freshness existed) is not stale yet, as for the API.
     */
    Map<Tags, Double> items(Instant now) {
        Map<Tags, Double> series = new LinkedHashMap<>();
        for (MediaType type : MediaType.values()) {
            for (SyncStatus status : SyncStatus.values()) {
                series.put(Tags.of("type", type.name(), "status", status.value()), 0.0);
            }
        }
        jdbc.sql("""
                        select media_type, status, count(*) as items
                          from (select s.media_type,
                                       case when s.status = :gone or s.gone_at is not null then :gone
                                            when s.status = :fresh and s.stale_after <= :now then :stale
                                            else s.status end as status
                                  from sync_state s) classified
                         group by media_type, status
                        """)
                .param("gone", SyncStatus.GONE.value())
                .param("fresh", SyncStatus.FRESH.value())
                .param("stale", SyncStatus.STALE.value())
                .param("now", utc(now))
                .query(rs -> {
                    series.put(Tags.of("type", rs.getString("media_type"), "status", rs.getString("status")),
                            (double) rs.getLong("items"));
                });
        return series;
    }

    /** Waiting (queued or running) sync requests per lane, and the age in seconds of each lane's oldest, 0 when none. */
    Waiting waiting(Instant now) {
        Map<Tags, Double> counts = new LinkedHashMap<>();
        Map<Tags, Double> oldest = new LinkedHashMap<>();
        for (SyncLane lane : SyncLane.values()) {
            counts.put(laneTags(lane.name()), 0.0);
            oldest.put(laneTags(lane.name()), 0.0);
        }
        jdbc.sql("""
                        select lane, count(*) as waiting,
                               greatest(0, extract(epoch from (:now - min(created_at)))) as oldest_seconds
                          from sync_request
                         where status in (:waiting)
                         group by lane
                        """)
                .param("now", utc(now))
                .param("waiting", WAITING)
                .query(rs -> {
                    counts.put(laneTags(rs.getString("lane")), (double) rs.getLong("waiting"));
                    oldest.put(laneTags(rs.getString("lane")), rs.getDouble("oldest_seconds"));
                });
        return new Waiting(counts, oldest);
    }

    record Waiting(Map<Tags, Double> requests, Map<Tags, Double> oldestAgeSeconds) {
    }

    /** {@code bulk_job} rows by status, every status. */
    Map<Tags, Double> bulkJobs() {
        Map<Tags, Double> series = new LinkedHashMap<>();
        for (BulkJobStatus status : BulkJobStatus.values()) {
            series.put(Tags.of("state", status.value()), 0.0);
        }
        jdbc.sql("select status, count(*) as jobs from bulk_job group by status")
                .query(rs -> {
                    series.put(Tags.of("state", rs.getString("status")), (double) rs.getLong("jobs"));
                });
        return series;
    }

    /** Items of the unfinished jobs (queued, expanding, running): with an outcome ({@code done}) and without ({@code pending}). */
    Map<Tags, Double> bulkJobItems() {
        return jdbc.sql("""
                        select count(*) filter (where i.outcome is not null) as done,
                               count(*) filter (where i.outcome is null) as pending
                          from bulk_job j
                          join bulk_job_item i on i.job_id = j.id
                         where j.status in (:unfinished)
                        """)
                .param("unfinished", UNFINISHED)
                .query((rs, row) -> Map.of(Tags.of("state", "done"), (double) rs.getLong("done"),
                        Tags.of("state", "pending"), (double) rs.getLong("pending")))
                .single();
    }

    /**
     * The longest an unfinished job has gone without progress, in seconds, 0 when none. A job's last progress is the
     * later of its row's last change ({@code updated_at}: taken by a worker, a page listed, provider calls booked, a
     * replay asked) and its last item outcome ({@code bulk_job_item.finished_at}: an item's outcome does not touch the
     * job's row). A job still queued has made none since it was recorded ({@code created_at}; the API's re-publishing
     * of a queued job touches {@code updated_at} but is no progress).
     */
    double bulkJobsIdleMaxSeconds(Instant now) {
        return jdbc.sql("""
                        select coalesce(max(greatest(0, extract(epoch from (:now - last_progress)))), 0) as idle
                          from (select case when j.status = :queued then j.created_at
                                            else greatest(j.updated_at,
                                                          (select max(i.finished_at) from bulk_job_item i
                                                            where i.job_id = j.id and i.finished_at is not null))
                                       end as last_progress
                                  from bulk_job j
                                 where j.status in (:unfinished)) unfinished
                        """)
                .param("now", utc(now))
                .param("queued", BulkJobStatus.QUEUED.value())
                .param("unfinished", UNFINISHED)
                .query(Double.class)
                .single();
    }

    private static Tags laneTags(String lane) {
        return Tags.of("lane", tag(lane));
    }

    /** Metric tag values are lower case: {@code ANIME} is {@code anime}, {@code TV_SHOW} is {@code tv_show}. */
    private static String tag(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
