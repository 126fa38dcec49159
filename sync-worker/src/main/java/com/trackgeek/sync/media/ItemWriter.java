package com.trackgeek.sync.media;

/**
 * Stores one kind of fetched item, idempotently: writing the same item twice leaves one row.
 * Runs inside the sync's transaction.
 */
public interface ItemWriter<T extends FetchedItem> {

    Class<T> itemType();

    void upsert(T item);
}
