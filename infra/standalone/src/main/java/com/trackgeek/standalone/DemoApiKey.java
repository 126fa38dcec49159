package com.trackgeek.standalone;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The standalone run's API key for writes (bulk syncs, refresh, pinning the similar-titles model): without one a
 * person trying the run could start no bulk sync at all, and the API has none by default. It is a fixed, published value, fit for a run on one's own
 * machine only, so it stands aside as soon as the environment configures keys of its own
 * ({@code TRACKGEEK_API_SECURITY_KEYS_0_...}). Only its SHA-256 is configured, as for any key.
 */
final class DemoApiKey {

    static final String KEY = "standalone-demo-key";
    static final String NAME = "standalone-demo";
    static final String SCOPES = "bulk-syncs:write,items:refresh,similar:write";
    private static final String CONFIGURED_KEYS = "TRACKGEEK_API_SECURITY_KEYS_";

    private DemoApiKey() {
    }

    /** The api's settings for the demo key, or empty when the environment configures keys of its own. */
    static Optional<Map<String, Object>> settings(Map<String, String> env) {
        if (env.keySet().stream().anyMatch(name -> name.startsWith(CONFIGURED_KEYS))) {
            return Optional.empty();
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("trackgeek.api.security.keys[0].name", NAME);
        settings.put("trackgeek.api.security.keys[0].hash", "{sha256}" + sha256(KEY));
        settings.put("trackgeek.api.security.keys[0].scopes", SCOPES);
        return Optional.of(settings);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
