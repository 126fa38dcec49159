package com.trackgeek.servicekit;

import com.trackgeek.contracts.ErrorCode;

/**
 * A record that no retry can make processable (unsupported schema version, invalid content). The error
 * handler sends it straight to the dead-letter topic, with this exception's message as the reason.
 */
public class UnprocessableMessageException extends RuntimeException {

    private final ErrorCode code;

    public UnprocessableMessageException(ErrorCode code, String reason) {
        super(reason);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
