package com.trackgeek.api.syncrequest;

import com.trackgeek.contracts.SyncRequest;

/** Kafka did not acknowledge a sync command in time (or refused it). */
final class CommandNotPublishedException extends RuntimeException {

    CommandNotPublishedException(SyncRequest command, Throwable cause) {
        super("could not publish " + command.getClass().getSimpleName() + " for " + command.item()
                + " to " + command.lane().topic() + ": " + cause, cause);
    }
}
