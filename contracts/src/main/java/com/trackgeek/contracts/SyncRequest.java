package com.trackgeek.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A command to sync one item from its provider, on {@link Topics#SYNC_REQUESTS_INTERACTIVE} or
 * {@link Topics#SYNC_REQUESTS_BULK}. The JSON property {@code kind} names the command.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = FetchRequested.class, name = "FETCH_REQUESTED"),
        @JsonSubTypes.Type(value = RefreshRequested.class, name = "REFRESH_REQUESTED")
})
public sealed interface SyncRequest extends Message permits FetchRequested, RefreshRequested {

    SyncLane lane();
}
