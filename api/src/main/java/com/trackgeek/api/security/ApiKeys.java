package com.trackgeek.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The configured API keys, and which of them (if any) a presented key is. Hashes carry their algorithm
 * ({@code {sha256}...}, {@code {bcrypt}...}) through Spring Security's {@link DelegatingPasswordEncoder}, so a
 * deployment may move to another one key by key. A key verified once is remembered briefly under its SHA-256 (the
 * key itself is never kept), so a slow hash is paid once per client and {@code verified-key-ttl}, not per request.
 * The configuration is checked at start-up; its messages name keys by index and name, never by hash.
 */
@Component
final class ApiKeys {

    private static final Pattern HASH_ID = Pattern.compile("^\\{([^}]+)}.+");
    private static final Set<String> ALGORITHMS = Set.of(Sha256KeyEncoder.ID, "bcrypt");

    private final List<ApiSecurityProperties.Key> keys;
    private final PasswordEncoder encoder;
    private final Cache<String, VerifiedKey> verified;

    ApiKeys(ApiSecurityProperties properties) {
        this.keys = List.copyOf(properties.keys());
        check(keys);
        this.encoder = new DelegatingPasswordEncoder(Sha256KeyEncoder.ID, Map.of(
                Sha256KeyEncoder.ID, new Sha256KeyEncoder(),
                "bcrypt", new BCryptPasswordEncoder()));
        this.verified = Caffeine.newBuilder()
                .expireAfterWrite(properties.verifiedKeyTtl())
                .maximumSize(10_000)
                .build();
    }

    /** The key {@code presented} is, or empty if no configured key matches. */
    Optional<VerifiedKey> verify(String presented) {
        if (presented == null || presented.isBlank()) {
            return Optional.empty();
        }
        String fingerprint = HexFormat.of().formatHex(Sha256KeyEncoder.digest(presented));
        VerifiedKey known = verified.getIfPresent(fingerprint);
        if (known != null) {
            return Optional.of(known);
        }
        // Unknown keys are not remembered: they would only fill the cache with whatever a caller invents.
        Optional<VerifiedKey> match = keys.stream()
                .filter(key -> encoder.matches(presented, key.hash()))
                .findFirst()
                .map(key -> new VerifiedKey(key.name(), Set.copyOf(key.scopes())));
        match.ifPresent(key -> verified.put(fingerprint, key));
        return match;
    }

    private static void check(List<ApiSecurityProperties.Key> keys) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            ApiSecurityProperties.Key key = keys.get(i);
            String which = "trackgeek.api.security.keys[" + i + "]";
            if (key.name() == null || key.name().isBlank()) {
                throw new IllegalStateException(which + ".name is missing: every key needs the name of who holds it");
            }
            if (!names.add(key.name())) {
                throw new IllegalStateException(which + ".name '" + key.name() + "' is the name of another key too");
            }
            var id = key.hash() == null ? null : HASH_ID.matcher(key.hash().strip());
            if (id == null || !id.matches() || !ALGORITHMS.contains(id.group(1))) {
                throw new IllegalStateException(which + ".hash (key '" + key.name() + "') must start with one of "
                        + ALGORITHMS.stream().map(algorithm -> "{" + algorithm + "}").sorted().toList()
                        + ", e.g. {sha256} and the key's hex SHA-256");
            }
        }
    }
}
