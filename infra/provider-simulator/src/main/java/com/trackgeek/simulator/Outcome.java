package com.trackgeek.simulator;

import java.util.Locale;

/** Outcome tag of {@code simulator.requests}; mirrors the provider outcomes the pipeline's dashboard shows. */
enum Outcome {
    OK, NOT_FOUND, CLIENT_ERROR, RATE_LIMITED, SERVER_ERROR, TIMEOUT;

    static Outcome ofStatus(int status) {
        if (status == 429) {
            return RATE_LIMITED;
        }
        if (status == 404) {
            return NOT_FOUND;
        }
        if (status >= 500) {
            return SERVER_ERROR;
        }
        return status >= 400 ? CLIENT_ERROR : OK;
    }

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
