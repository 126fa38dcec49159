package com.trackgeek.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Who may start work. Keys are configured as hashes (never the keys themselves), each with a name (what the
 * work it starts records as its requester) and scopes; a write request needs the scope of the first route that
 * matches it, or just any known key where no route does.
 *
 * @param header            the request header that carries the key
 * @param keys              the known keys; none means no write request is accepted
 * @param writeScopes       the scope each write route needs, the first matching path pattern wins
 * @param readScope         blank: the API's reads are open; otherwise the scope they need
 * @param operationsScope   the scope actuator endpoints other than health, info and prometheus need
 * @param verifiedKeyTtl    how long a verified key is remembered, so that a slow hash (bcrypt) is not checked
 *                          on every request
 * @param writeLimit        how many write requests one key may make per period, past which it gets 429: writes
 *                          start work that spends provider budget
 */
@ConfigurationProperties("trackgeek.api.security")
record ApiSecurityProperties(@DefaultValue("X-API-Key") String header,
                             @DefaultValue List<Key> keys,
                             @DefaultValue List<RouteScope> writeScopes,
                             @DefaultValue("") String readScope,
                             @DefaultValue("actuator:read") String operationsScope,
                             @DefaultValue("5m") Duration verifiedKeyTtl,
                             @DefaultValue WriteLimit writeLimit) {

    /**
     * One API key.
     *
     * @param name   who holds it, e.g. {@code backoffice}; not secret
     * @param hash   {@code {sha256}} and the hex SHA-256 of the key, or {@code {bcrypt}...}
     * @param scopes what it may do, e.g. {@code bulk-syncs:write}
     * @param writes its own write limit per {@code write-limit.period}, instead of {@code write-limit.requests}
     * @param quota  its own quota of requests that spend provider budget per {@code trackgeek.api.quota.period},
     *               instead of {@code trackgeek.api.quota.keyed}
     */
    record Key(String name, String hash, @DefaultValue List<String> scopes, Integer writes, Integer quota) {

        /** The hash stays out of every rendering of the configuration (start-up failures, debuggers). */
        @Override
        public String toString() {
            return "Key[name=" + name + ", scopes=" + scopes + "]";
        }
    }

    /**
     * @param path  a path pattern, e.g. {@code /api/v1/bulk-syncs/**}
     * @param scope the scope a write request (not GET, HEAD or OPTIONS) to it needs
     */
    record RouteScope(String path, String scope) {
    }

    /**
     * @param requests write requests per period and key (also the burst a key may spend at once)
     * @param period   the period over which they are refilled, gradually
     */
    record WriteLimit(@DefaultValue("60") int requests, @DefaultValue("1m") Duration period) {
    }

    boolean readsOpen() {
        return readScope.isBlank();
    }
}
