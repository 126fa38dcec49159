package com.trackgeek.simulator;

/** What the fault injector does to one request. */
public enum Fault {
    NONE,
    /** Answer with the provider's server-error body. */
    SERVER_ERROR,
    /** Hold the request for the timeout delay, then answer normally (if anyone is still listening). */
    TIMEOUT
}
