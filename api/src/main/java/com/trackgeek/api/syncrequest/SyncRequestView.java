package com.trackgeek.api.syncrequest;

import com.trackgeek.api.ApiPaths;
import com.trackgeek.contracts.MediaKey;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * What a caller sees of a sync request, at {@code /api/v1/sync-requests/{id}} and in a 202.
 *
 * @param kind   FETCH or REFRESH
 * @param lane   INTERACTIVE or BULK
 * @param status queued, running, done or failed
 */
public record SyncRequestView(UUID id, MediaKey item, String kind, String lane, String status, String errorCode,
                              String errorDetail, int attempts, Instant createdAt, Instant startedAt,
                              Instant finishedAt, Links links) {

    /** @param item where the item is (or will be) answered */
    public record Links(URI self, URI item) {
    }

    static SyncRequestView of(SyncRequestRow row) {
        return new SyncRequestView(row.id(), row.item(), row.kind().name(), row.lane().name(), row.status().value(),
                row.errorCode(), row.errorDetail(), row.attempts(), row.createdAt(), row.startedAt(), row.finishedAt(),
                new Links(ApiPaths.syncRequest(row.id()), ApiPaths.item(row.item())));
    }
}
