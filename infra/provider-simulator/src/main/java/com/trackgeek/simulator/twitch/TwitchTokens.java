package com.trackgeek.simulator.twitch;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The app tokens the simulated Twitch issued, which the simulated IGDB accepts: a token is valid for the
 * client it was issued to until it expires or a test revokes it. Thread-safe.
 */
public final class TwitchTokens {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private record Issued(String clientId, Instant expiresAt) {
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    public TwitchTokens(Clock clock) {
        this.clock = clock;
    }

    /** A new token, 30 characters of [a-z0-9] like Twitch's. */
    String issue(String clientId, Duration lifetime) {
        StringBuilder token = new StringBuilder(30);
        for (int i = 0; i < 30; i++) {
            token.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        issued.put(token.toString(), new Issued(clientId, clock.instant().plus(lifetime)));
        count.incrementAndGet();
        return token.toString();
    }

    /** Whether IGDB would accept {@code token} with header {@code Client-ID: clientId}. */
    public boolean accepts(String clientId, String token) {
        Issued entry = token == null ? null : issued.get(token);
        return entry != null && entry.clientId().equals(clientId) && entry.expiresAt().isAfter(clock.instant());
    }

    /** Every token issued so far expires now (IGDB answers 401 to them from now on). */
    public void expireAll() {
        Instant now = clock.instant();
        issued.replaceAll((token, entry) -> new Issued(entry.clientId(), now));
    }

    /** Forgets {@code token}: IGDB answers 401 to it from now on. */
    public void revoke(String token) {
        issued.remove(token);
    }

    /** How many tokens were issued since the simulator started. */
    public int issuedCount() {
        return count.get();
    }
}
