package com.trackgeek.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The outcome of one sync, on {@link Topics#SYNC_EVENTS}, published only after the database work is
 * committed. The JSON property {@code event} names the outcome.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "event")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ItemSynced.class, name = "ITEM_SYNCED"),
        @JsonSubTypes.Type(value = SyncFailed.class, name = "SYNC_FAILED")
})
public sealed interface SyncEvent extends Message permits ItemSynced, SyncFailed {
}
