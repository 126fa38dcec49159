package com.trackgeek.contracts;

/** What a sync request asks for ({@code sync_request.kind}, stored by name). */
public enum RequestKind {
    /** The item is not stored yet. */
    FETCH,
    /** The item is stored and may be out of date. */
    REFRESH;

    public static RequestKind of(SyncRequest command) {
        return command instanceof RefreshRequested ? REFRESH : FETCH;
    }
}
