package com.trackgeek.api.syncrequest;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.RequestKind;
import com.trackgeek.contracts.RequestStatus;
import com.trackgeek.contracts.SyncLane;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One row of {@code sync_request}. The error code stays text: a newer worker may write a code this version
 * does not know, which is shown as written and treated as {@link ErrorCode#UNKNOWN}.
 */
record SyncRequestRow(UUID id, MediaKey item, RequestKind kind, SyncLane lane, RequestStatus status, String errorCode,
                      String errorDetail, int attempts, Instant createdAt, Instant startedAt, Instant finishedAt,
                      Instant updatedAt) {

    boolean isQueued() {
        return status == RequestStatus.QUEUED;
    }

    /** How the request ended, if it has. */
    Optional<SyncOutcome> outcome() {
        return switch (status) {
            case DONE -> Optional.of(new SyncOutcome.Synced(id));
            case FAILED -> Optional.of(new SyncOutcome.Failed(id, ErrorCode.parse(errorCode), errorDetail));
            case QUEUED, RUNNING -> Optional.empty();
        };
    }

    boolean isRefresh() {
        return kind == RequestKind.REFRESH;
    }

    boolean isOn(SyncLane syncLane) {
        return lane == syncLane;
    }
}
