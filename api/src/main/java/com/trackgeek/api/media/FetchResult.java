package com.trackgeek.api.media;

import com.trackgeek.api.syncrequest.SyncRequestView;

/** A read of an item that succeeded: the item (200), or the sync request still under way (202). */
sealed interface FetchResult {

    record Found(ReadyItem item) implements FetchResult {
    }

    record Accepted(SyncRequestView request) implements FetchResult {
    }
}
