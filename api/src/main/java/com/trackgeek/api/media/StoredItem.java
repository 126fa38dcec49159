package com.trackgeek.api.media;

/** An item as stored by the sync worker, of any media type: the body of a 200. */
public interface StoredItem {

    SyncSummary sync();
}
