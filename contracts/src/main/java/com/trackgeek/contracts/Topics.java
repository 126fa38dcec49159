package com.trackgeek.contracts;

import java.util.List;

/**
 * Kafka topic names. Every message about an item is keyed by {@link MediaKey#toString()}.
 */
public final class Topics {

    /** Sync commands for which a person is waiting. */
    public static final String SYNC_REQUESTS_INTERACTIVE = "trackgeek.sync-requests.interactive";
    /** Sync commands expanded from bulk jobs and automatic refreshes. */
    public static final String SYNC_REQUESTS_BULK = "trackgeek.sync-requests.bulk";
    /** Outcome of every sync: {@link ItemSynced} or {@link SyncFailed}. */
    public static final String SYNC_EVENTS = "trackgeek.sync-events";
    public static final String EMBEDDING_REQUESTS_HIGH = "trackgeek.embedding-requests.high";
    public static final String EMBEDDING_REQUESTS_LOW = "trackgeek.embedding-requests.low";
    /**
     * A vector was stored ({@link ItemEmbedded}), published by the embedding worker after its commit: what keeps
     * every API instance's similar-titles index current.
     */
    public static final String EMBEDDING_EVENTS = "trackgeek.embedding-events";
    /**
     * Provider searches a person is waiting for ({@link ProviderSearchRequested}): the interactive lane of
     * searches, consumed by its own listener so that no bulk work is ever ahead of it.
     */
    public static final String PROVIDER_SEARCHES = "trackgeek.provider-searches";
    /** Bulk commands (season, top list, id list, everything stale) from bulk producers and the API. */
    public static final String BULK_COMMANDS = "trackgeek.bulk-commands";
    /**
     * A bulk job's own work ({@link com.trackgeek.contracts.bulk.BulkWork}): the next page of its expansion, a
     * batch of its items to fetch, a replay of its failed items. Written and read by sync workers (the API
     * writes replays), keyed by job id, on the bulk lane of the provider budget.
     */
    public static final String BULK_WORK = "trackgeek.bulk-work";

    /** Suffix of the dead-letter topic that receives what a consumer of a topic could not process. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    /** Every topic that carries commands or events (dead-letter topics not included). */
    public static final List<String> ALL = List.of(
            SYNC_REQUESTS_INTERACTIVE, SYNC_REQUESTS_BULK, SYNC_EVENTS,
            EMBEDDING_REQUESTS_HIGH, EMBEDDING_REQUESTS_LOW, EMBEDDING_EVENTS, BULK_COMMANDS, PROVIDER_SEARCHES, BULK_WORK);

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /**
     * The lane a topic belongs to, the tag every queue metric carries so that dashboards and alerts group
     * topics the way work is prioritised: {@code interactive} (a person waits: sync requests and provider
     * searches), {@code bulk} (bulk commands, bulk work, automatic refreshes), {@code events} (sync outcomes, stored vectors),
     * {@code embedding-high}, {@code embedding-low}, and {@code dead-letter} for every dead-letter topic.
     */
    public static String lane(String topic) {
        if (topic.endsWith(DEAD_LETTER_SUFFIX)) {
            return "dead-letter";
        }
        return switch (topic) {
            case SYNC_REQUESTS_INTERACTIVE, PROVIDER_SEARCHES -> "interactive";
            case SYNC_REQUESTS_BULK, BULK_COMMANDS, BULK_WORK -> "bulk";
            case SYNC_EVENTS, EMBEDDING_EVENTS -> "events";
            case EMBEDDING_REQUESTS_HIGH -> "embedding-high";
            case EMBEDDING_REQUESTS_LOW -> "embedding-low";
            default -> "other";
        };
    }
}
