package com.trackgeek.api.bulksync;

import com.trackgeek.contracts.bulk.BulkSyncRequested;
import com.trackgeek.servicekit.PipelineUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps a job the API recorded from staying {@code queued} for good. The row is written before the command is
 * published, so an api instance that dies in between (or whose delete after a refused publish failed) leaves a job no
 * worker knows of, and a caller retrying the POST gets 200 for it. Such a job, still queued {@code requeue-after}
 * after it was recorded or last published, has its command published again; the worker takes a job's command once
 * (it claims {@code queued -> expanding}) and ignores the duplicates, so publishing again is safe. Each job is
 * claimed by exactly one instance per round.
 */
@Component
final class UnclaimedJobSweeper {

    private static final Logger log = LoggerFactory.getLogger(UnclaimedJobSweeper.class);
    private static final int BATCH = 100;

    private final BulkJobs jobs;
    private final BulkSyncPublisher publisher;
    private final Duration requeueAfter;

    UnclaimedJobSweeper(BulkJobs jobs, BulkSyncPublisher publisher, BulkSyncProperties properties) {
        this.jobs = jobs;
        this.publisher = publisher;
        this.requeueAfter = properties.requeueAfter();
    }

    @Scheduled(initialDelayString = "${trackgeek.api.bulk-syncs.sweep-interval:30s}",
            fixedDelayString = "${trackgeek.api.bulk-syncs.sweep-interval:30s}")
    void sweep() {
        try {
            for (UUID id : jobs.findUnclaimed(requeueAfter, BATCH)) {
                claim(id).ifPresent(this::publish);
            }
        } catch (DataAccessException e) {
            log.warn("Sweep of unclaimed bulk jobs skipped: {}", e.getMessage());
        }
    }

    private Optional<BulkSyncRequested> claim(UUID id) {
        try {
            return jobs.claimRepublish(id, requeueAfter);
        } catch (JacksonException e) {
            log.error("Bulk job {} has a selector this version cannot read; not published again", id, e);
            return Optional.empty();
        }
    }

    private void publish(BulkSyncRequested command) {
        try {
            publisher.publish(command);
            log.info("Published the command of bulk job {} again: still queued after {}", command.jobId(), requeueAfter);
        } catch (PipelineUnavailableException e) {
            // Touched: the next sweep after requeue-after tries again.
            log.warn("Bulk job {} still unpublished: {}", command.jobId(), e.getMessage());
        }
    }
}
