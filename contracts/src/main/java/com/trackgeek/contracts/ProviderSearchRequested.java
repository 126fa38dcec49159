package com.trackgeek.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Ask the provider of {@code type} for its own search: page {@code page} (from 1) of at most {@code limit} hits
 * for {@code query}. Sent by the API when the database's hits are not enough for a page, on
 * {@link Topics#PROVIDER_SEARCHES}; the sync worker answers by storing the hits as partial items and the page
 * in the shared search cache ({@code provider_search}) under {@code searchId}, which is what the API waits for.
 * A command whose {@code searchId} is no longer the cache row's (a newer search took the row over) is ignored.
 *
 * @param query the normalised query (case and accents folded, spaces collapsed): also the cache key
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProviderSearchRequested(int schemaVersion, UUID searchId, MediaType type, String query, int page,
                                      int limit, Instant requestedAt) {

    public ProviderSearchRequested {
        Objects.requireNonNull(searchId, "searchId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(requestedAt, "requestedAt");
        if (query.isBlank() || page < 1 || limit < 1) {
            throw new IllegalArgumentException("a provider search needs a query, page >= 1 and limit >= 1, was '"
                    + query + "', " + page + ", " + limit);
        }
    }

    public static ProviderSearchRequested of(UUID searchId, MediaType type, String query, int page, int limit,
                                             Instant requestedAt) {
        return new ProviderSearchRequested(Message.SCHEMA_VERSION, searchId, type, query, page, limit, requestedAt);
    }

    /** The Kafka record key: one search's commands stay in order on one partition. */
    public String key() {
        return type.name() + ":" + query;
    }

    public boolean isSupportedVersion() {
        return schemaVersion >= 1 && schemaVersion <= Message.SCHEMA_VERSION;
    }
}
