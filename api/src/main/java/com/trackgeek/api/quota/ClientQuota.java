package com.trackgeek.api.quota;

import com.trackgeek.api.security.Caller;
import com.trackgeek.api.security.Callers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Each client's quota of requests that spend provider budget: the one budget per provider is shared by every
 * caller, so without it one client (a scraper walking ids, a runaway script) could spend it alone and make everyone
 * else wait. Asked right before a request would start a provider call, never for what the stored items answer, so a
 * client over its quota still reads everything stored.
 *
 * <p>The client is the current request's {@link Caller}: its API key's name, else its address. Its bucket's id is
 * the SHA-256 of that and of its limit, so neither an address nor a key name is stored, and a changed limit starts
 * every client afresh rather than keeping a bucket of the old size. Kept in PostgreSQL ({@link QuotaBuckets}):
 * held in one instance's memory, a quota would multiply by the replica count.
 *
 * <p>If PostgreSQL cannot answer, the request goes ahead unlimited (counted as {@code trackgeek.api.quota.unchecked}):
 * the work it starts needs PostgreSQL anyway and fails on its own, and the provider's budget, not this, is what
 * keeps a provider within its limits.
 */
@Component
public final class ClientQuota {

    private static final Logger log = LoggerFactory.getLogger(ClientQuota.class);

    private final QuotaProperties properties;
    private final QuotaBuckets buckets;
    private final Callers callers;
    private final MeterRegistry registry;

    ClientQuota(QuotaProperties properties, QuotaBuckets buckets, Callers callers, MeterRegistry registry) {
        this.properties = properties;
        this.buckets = buckets;
        this.callers = callers;
        this.registry = registry;
    }

    /**
     * Takes one of the current client's tokens for {@code route}.
     *
     * @throws com.trackgeek.api.problem.ApiException {@code QUOTA_EXCEEDED} (429, {@code Retry-After}) if it has none
     */
    public void spend(QuotaRoute route) {
        take(route).ifPresent(refusal -> {
            throw refusal.problem();
        });
    }

    /** Takes one of the current client's tokens for {@code route}; the refusal if it has none. */
    public Optional<QuotaRefusal> take(QuotaRoute route) {
        if (!properties.enabled()
                || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Optional.empty(); // not a client's request: the API's own background work
        }
        Caller caller = callers.of(attributes.getRequest());
        int requests = caller.anonymous() ? properties.anonymous()
                : caller.ownQuota() != null ? caller.ownQuota() : properties.keyed();
        Duration period = properties.period();
        try {
            var probe = buckets.tryTake(bucketId(caller, requests, period), requests, period);
            if (probe.isConsumed()) {
                return Optional.empty();
            }
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
            refused(route, caller).increment();
            return Optional.of(new QuotaRefusal(describe(caller) + " used up its quota of requests that ask the"
                    + " providers (" + requests + " per " + period.toSeconds() + " s): reads of items not stored yet,"
                    + " provider searches, refreshes and bulk syncs. Try again in " + seconds + " s; stored items are"
                    + " answered meanwhile.", Duration.ofSeconds(seconds)));
        } catch (RuntimeException unavailable) { // Bucket4j wraps the SQLException
            log.warn("Quota of {} not checked, the request goes ahead: {}", route.tag(), unavailable.toString());
            Counter.builder("trackgeek.api.quota.unchecked")
                    .description("Requests let through unlimited because the quota could not be read (PostgreSQL)")
                    .tag("route", route.tag())
                    .register(registry)
                    .increment();
            return Optional.empty();
        }
    }

    private Counter refused(QuotaRoute route, Caller caller) {
        return Counter.builder("trackgeek.api.quota.refused")
                .description("Requests refused (or provider parts of searches left out) because the client used up"
                        + " its quota, by route and by kind of client (key or anonymous)")
                .tag("route", route.tag())
                .tag("client", caller.anonymous() ? "anonymous" : "key")
                .register(registry);
    }

    private static String describe(Caller caller) {
        return caller.anonymous() ? "This address (without an API key)" : "The API key '" + caller.keyName() + "'";
    }

    /** {@code quota/} and a SHA-256: of the key's name or the address, and of the limit. */
    static String bucketId(Caller caller, int requests, Duration period) {
        String client = caller.anonymous() ? "address:" + caller.address() : "key:" + caller.keyName();
        return QuotaBuckets.PREFIX + sha256(client + "|" + requests + "/" + period.toMillis());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
