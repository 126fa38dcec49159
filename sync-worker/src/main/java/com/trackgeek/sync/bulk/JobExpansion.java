package com.trackgeek.sync.bulk;

import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.bulk.BulkJobStatus;
import com.trackgeek.contracts.bulk.BulkSelector;
import com.trackgeek.contracts.bulk.BulkSyncRequested;
import com.trackgeek.contracts.bulk.BulkWork;
import com.trackgeek.servicekit.PipelineUnavailableException;
import com.trackgeek.sync.provider.IdPage;
import com.trackgeek.sync.provider.MetadataProvider;
import com.trackgeek.sync.provider.MetadataProviders;
import com.trackgeek.sync.provider.ProviderCallTally;
import com.trackgeek.sync.provider.ProviderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A job from its command to its last page: take the command once (a job id seen before runs nothing), then list
 * the selector one page per {@code ExpandPage} record. Each page's items are recorded in one transaction with the
 * page's number; only after that commit are the page's fetches and the next page's record published, and then the
 * page counts as published. So a page received again is either done already (nothing happens), or recorded but
 * perhaps not published (its pending items' fetches go out again, which is harmless), and a crash anywhere neither
 * loses a page nor lists one twice.
 */
@Component
class JobExpansion {

    private static final Logger log = LoggerFactory.getLogger(JobExpansion.class);

    private final BulkJobRows rows;
    private final MetadataProviders providers;
    private final BulkWorkPublisher publisher;
    private final TransactionTemplate transactions;
    private final BulkProperties properties;
    private final BulkMetrics metrics;

    JobExpansion(BulkJobRows rows, MetadataProviders providers, BulkWorkPublisher publisher,
                 TransactionTemplate transactions, BulkProperties properties, BulkMetrics metrics) {
        this.rows = rows;
        this.providers = providers;
        this.publisher = publisher;
        this.transactions = transactions;
        this.properties = properties;
        this.metrics = metrics;
    }

    /**
     * Records a Kafka producer's job, or claims the API's queued one, and sends its first page. The same command
     * again finds the job taken and runs nothing, unless the job's first page never went out (a crash right after
     * taking it): then the first page is sent again.
     */
    void start(BulkSyncRequested command) {
        Boolean taken = transactions.execute(status ->
                rows.insertFromKafka(command) || rows.claimQueued(command.jobId()));
        if (!Boolean.TRUE.equals(taken)) {
            Optional<BulkJobRows.Job> job = rows.find(command.jobId());
            boolean firstPageLost = job.filter(found -> found.is(BulkJobStatus.EXPANDING)
                    && found.publishedThroughPage() == 0).isPresent();
            if (!firstPageLost) {
                log.info("Bulk command for job {} ignored: the job was taken already ({})", command.jobId(),
                        job.flatMap(BulkJobRows.Job::status).map(BulkJobStatus::value).orElse("unknown"));
                metrics.command("duplicate");
                return;
            }
            metrics.command("resumed");
        } else {
            log.info("Bulk job {} started: {}", command.jobId(), command.selector());
            metrics.command("started");
        }
        publisher.expand(command.jobId(), 1);
    }

    void expand(BulkWork.ExpandPage work) {
        Optional<BulkJobRows.Job> found = rows.find(work.jobId());
        if (found.isEmpty() || !found.get().active()) {
            return; // unknown, cancelled or finished: expansion stops here
        }
        BulkJobRows.Job job = found.get();
        int page = work.page();
        if (page <= job.publishedThroughPage()) {
            return;
        }
        if (page == job.expandedThroughPage()) {
            publish(job.id(), job.type(), page, !job.expansionDone());
            return;
        }
        if (page != job.expandedThroughPage() + 1) {
            log.warn("Bulk job {}: page {} received while {} is the next page to list; ignored", job.id(), page,
                    job.expandedThroughPage() + 1);
            return;
        }

        IdPage ids;
        try {
            ids = list(job, page);
        } catch (ProviderException failure) {
            if (ItemBatches.isOutage(failure)) {
                throw new PipelineUnavailableException("bulk job " + job.id() + " paused while listing page " + page
                        + ": " + failure.getMessage(), failure);
            }
            log.warn("Bulk job {} failed listing page {}: {} {}", job.id(), page, failure.code(), failure.getMessage());
            transactions.executeWithoutResult(status -> rows.failJob(job.id(), failure.code(), failure.getMessage(),
                    Set.of(BulkJobStatus.EXPANDING, BulkJobStatus.RUNNING)));
            return;
        }
        Boolean recorded = transactions.execute(status -> {
            // The API's cancel locks the job row too: after it, the page is not recorded; before it, the cancel
            // also cancels the items recorded here.
            Optional<BulkJobRows.Job> locked = rows.lock(job.id());
            if (locked.isEmpty() || !locked.get().active() || locked.get().expandedThroughPage() != page - 1) {
                return false;
            }
            rows.recordPage(job.id(), page, ids);
            return true;
        });
        if (Boolean.TRUE.equals(recorded)) {
            log.debug("Bulk job {}: page {} listed {} ids (more: {})", job.id(), page, ids.ids().size(), ids.hasMore());
            publish(job.id(), job.type(), page, ids.hasMore());
        }
    }

    /** The page's pending items' fetches, then the next page if there is one; then the page counts as published. */
    private void publish(UUID jobId, MediaType type, int page, boolean nextPage) {
        publisher.fetches(jobId, type, rows.pendingOfPage(jobId, page));
        if (nextPage) {
            publisher.expand(jobId, page + 1);
        }
        rows.published(jobId, page);
        if (rows.finishIfDone(jobId)) {
            log.info("Bulk job {} done", jobId);
        }
    }

    /**
     * Page {@code page} of the selector: a slice of an explicit id list (no call), else the provider's listing,
     * whose calls count towards the job's.
     */
    private IdPage list(BulkJobRows.Job job, int page) {
        if (job.selector() instanceof BulkSelector.Ids selected) {
            providers.forType(job.type()).orElseThrow(() -> ProviderException.notSupported(job.type()));
            List<Long> all = selected.ids();
            int from = (int) Math.min((long) (page - 1) * properties.idsPageSize(), all.size());
            int to = Math.min(from + properties.idsPageSize(), all.size());
            return new IdPage(all.subList(from, to), (long) all.size(), to < all.size());
        }
        MetadataProvider provider = providers.ready(job.type());
        try (var tally = ProviderCallTally.open()) {
            try {
                return provider.listIds(job.selector(), page);
            } finally {
                rows.addProviderCalls(job.id(), tally.calls());
                metrics.listCalls(provider.provider(), job.type(), tally.calls());
            }
        }
    }
}
