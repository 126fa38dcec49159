package com.trackgeek.api.syncrequest;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.SyncLane;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/** One row of {@code sync_request}, as stored (status and codes stay text: workers may write newer values). */
record SyncRequestRow(UUID id, MediaKey item, String kind, String lane, String status, String errorCode,
                      String errorDetail, int attempts, Instant createdAt, Instant startedAt, Instant finishedAt,
                      Instant updatedAt) {

    static final String QUEUED = "queued";
    static final String DONE = "done";
    static final String FAILED = "failed";

    boolean isQueued() {
        return QUEUED.equals(status);
    }

    /** How the request ended, if it has. */
    Optional<SyncOutcome> outcome() {
        return switch (status) {
            case DONE -> Optional.of(new SyncOutcome.Synced(id));
            case FAILED -> Optional.of(new SyncOutcome.Failed(id, errorCodeOrUnknown(), errorDetail));
            default -> Optional.empty();
        };
    }

    private ErrorCode errorCodeOrUnknown() {
        return Arrays.stream(ErrorCode.values())
                .filter(code -> code.name().equals(errorCode))
                .findFirst()
                .orElse(ErrorCode.UNKNOWN);
    }

    boolean isRefresh() {
        return "REFRESH".equals(kind);
    }

    boolean isOn(SyncLane syncLane) {
        return syncLane.name().equals(lane);
    }
}
