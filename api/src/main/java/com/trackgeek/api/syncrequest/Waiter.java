package com.trackgeek.api.syncrequest;

import com.trackgeek.contracts.MediaKey;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** One caller waiting for the sync of one item; completed by a sync event or by the status poller. */
final class Waiter {

    private final MediaKey item;
    private final CompletableFuture<SyncOutcome> outcome = new CompletableFuture<>();
    private volatile UUID requestId;

    Waiter(MediaKey item) {
        this.item = item;
    }

    MediaKey item() {
        return item;
    }

    /** Null until the request was created or joined: a waiter is registered before that, not to miss its end. */
    UUID requestId() {
        return requestId;
    }

    void attach(UUID id) {
        this.requestId = id;
    }

    CompletableFuture<SyncOutcome> outcome() {
        return outcome;
    }

    void complete(SyncOutcome result) {
        outcome.complete(result);
    }
}
