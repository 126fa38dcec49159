package com.trackgeek.contracts.bulk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Message;
import com.trackgeek.contracts.Topics;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A bulk job's work, cut into records small enough that each finishes well inside a consumer's poll interval
 * and a crash repeats little: the next page of the selector's expansion, one batch of items to fetch, or a
 * replay of the failed items. On {@link Topics#BULK_WORK}; the JSON property {@code kind} names the record.
 * Every one is safe to receive twice: the job's rows in PostgreSQL say what is done already.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = BulkWork.ExpandPage.class, name = "EXPAND_PAGE"),
        @JsonSubTypes.Type(value = BulkWork.FetchItems.class, name = "FETCH_ITEMS"),
        @JsonSubTypes.Type(value = BulkWork.ReplayFailed.class, name = "REPLAY_FAILED")
})
public sealed interface BulkWork {

    int schemaVersion();

    UUID jobId();

    Instant requestedAt();

    /** The Kafka record key. */
    default String key() {
        return jobId().toString();
    }

    default boolean isSupportedVersion() {
        return schemaVersion() >= 1 && schemaVersion() <= Message.SCHEMA_VERSION;
    }

    /** List page {@code page} (from 1) of the job's selector, record its items, and queue their fetches. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ExpandPage(int schemaVersion, UUID jobId, int page, Instant requestedAt) implements BulkWork {

        public ExpandPage {
            Objects.requireNonNull(jobId, "jobId");
            Objects.requireNonNull(requestedAt, "requestedAt");
            if (page < 1) {
                throw new IllegalArgumentException("pages count from 1, was " + page);
            }
        }

        public static ExpandPage of(UUID jobId, int page, Instant requestedAt) {
            return new ExpandPage(Message.SCHEMA_VERSION, jobId, page, requestedAt);
        }
    }

    /**
     * Fetch these items of the job, in as few provider calls as the provider allows: at most one provider batch
     * ({@code MetadataProvider.batchSize()}) where the provider takes many ids per call, a few ids otherwise.
     * Keyed by job and first id, so a job's batches spread over every partition and every worker.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FetchItems(int schemaVersion, UUID jobId, MediaType type, List<Long> ids, Instant requestedAt)
            implements BulkWork {

        public FetchItems {
            Objects.requireNonNull(jobId, "jobId");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(requestedAt, "requestedAt");
            if (ids == null || ids.isEmpty()) {
                throw new IllegalArgumentException("a batch needs at least one id");
            }
            ids = List.copyOf(ids);
        }

        public static FetchItems of(UUID jobId, MediaType type, List<Long> ids, Instant requestedAt) {
            return new FetchItems(Message.SCHEMA_VERSION, jobId, type, ids, requestedAt);
        }

        @Override
        public String key() {
            return jobId + "/" + ids.getFirst();
        }
    }

    /**
     * Make the job's failed items pending again and queue their fetches: {@code POST .../retry-failed}. The
     * {@code round} is the job's replay count after the API raised it, so a record received twice replays once.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReplayFailed(int schemaVersion, UUID jobId, int round, Instant requestedAt) implements BulkWork {

        public ReplayFailed {
            Objects.requireNonNull(jobId, "jobId");
            Objects.requireNonNull(requestedAt, "requestedAt");
            if (round < 1) {
                throw new IllegalArgumentException("replay rounds count from 1, was " + round);
            }
        }

        public static ReplayFailed of(UUID jobId, int round, Instant requestedAt) {
            return new ReplayFailed(Message.SCHEMA_VERSION, jobId, round, requestedAt);
        }
    }
}
