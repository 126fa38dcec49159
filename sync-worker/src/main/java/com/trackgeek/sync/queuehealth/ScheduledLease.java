package com.trackgeek.sync.queuehealth;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * One instance's claim on a {@code scheduled_lease} row (migration V11): who runs a scheduled job this period when
 * only one instance of the service may. A lease rather than an advisory lock, because the job's result (gauges) lives
 * between runs: the holder keeps exporting until it fails to renew, and another instance takes over only once the
 * lease has expired, so at any time one instance exports and the series do not hop between replicas every run.
 *
 * <p>Taking and renewing are one statement: the row is inserted, or updated when this instance holds it or it has
 * expired, and a row comes back only to the holder. Concurrent claims serialise on the row; one wins.
 *
 * <p>"Now" is the caller's clock (the instances' clocks must agree within a fraction of the lease: NTP, as the
 * provider budgets already require).
 */
final class ScheduledLease {

    private final JdbcClient jdbc;
    private final String name;
    private final String holder;
    private final Duration length;

    ScheduledLease(JdbcClient jdbc, String name, String holder, Duration length) {
        this.jdbc = jdbc;
        this.name = name;
        this.holder = holder;
        this.length = length;
    }

    String holder() {
        return holder;
    }

    /** Takes or renews the lease until {@code now} + its length; @return true when this instance holds it */
    boolean claim(Instant now) {
        return jdbc.sql("""
                        insert into scheduled_lease (name, holder, expires_at)
                        values (:name, :holder, :expiresAt)
                        on conflict (name) do update
                           set holder = excluded.holder, expires_at = excluded.expires_at
                         where scheduled_lease.holder = excluded.holder or scheduled_lease.expires_at < :now
                        returning holder
                        """)
                .param("name", name)
                .param("holder", holder)
                .param("expiresAt", now.plus(length).atOffset(ZoneOffset.UTC))
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query(String.class)
                .optional()
                .isPresent();
    }
}
