package com.trackgeek.simulator;

import java.time.Instant;

/**
 * One request a provider's gate saw, as {@link RequestLog} reports it.
 *
 * @param path      the request path without the query string, e.g. {@code /jikan/v4/anime/5114/full}
 * @param arrivedAt when it reached the gate, on the simulator's clock (the one its rate limits use)
 * @param status    the HTTP status it was answered with; 0 while it is still being answered
 */
public record LoggedRequest(String path, Instant arrivedAt, int status) {
}
