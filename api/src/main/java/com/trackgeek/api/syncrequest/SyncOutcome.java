package com.trackgeek.api.syncrequest;

import com.trackgeek.contracts.ErrorCode;

import java.util.UUID;

/** How an awaited sync ended. */
public sealed interface SyncOutcome {

    /** The item is stored. */
    record Synced(UUID requestId) implements SyncOutcome {
    }

    /** The sync ended without storing the item, for the reason {@code code}. */
    record Failed(UUID requestId, ErrorCode code, String detail) implements SyncOutcome {
    }
}
