package com.trackgeek.simulator.openai;

import com.trackgeek.simulator.FaultSettings;
import com.trackgeek.simulator.RateWindow;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the simulated OpenAI-compatible {@code /v1/embeddings} behaves.
 *
 * @param apiKey      the one Bearer key accepted; blank accepts any non-empty key
 * @param models      the embedding models it knows, with their full dimensions; any other model is OpenAI's 404
 * @param perMinute   requests admitted in any minute; 0 switches the limit off
 * @param latency     added to every admitted request
 * @param errorRate   fraction (0..1) answered 500 with OpenAI's server_error body
 * @param timeoutRate fraction (0..1) held for {@code timeoutDelay}
 * @param seed        drives the synthetic vectors and injected faults
 */
@ConfigurationProperties("simulator.openai")
record OpenAiProperties(@DefaultValue("") String apiKey,
                        @DefaultValue({"text-embedding-3-small=1536", "text-embedding-3-large=3072",
                                "text-embedding-ada-002=1536"}) List<String> models,
                        @DefaultValue("0") int perMinute,
                        @DefaultValue("0ms") Duration latency,
                        @DefaultValue("0") double errorRate,
                        @DefaultValue("0") double timeoutRate,
                        @DefaultValue("30s") Duration timeoutDelay,
                        @DefaultValue("20251201") long seed) {

    List<RateWindow> windows() {
        return perMinute > 0 ? List.of(new RateWindow(perMinute, Duration.ofMinutes(1))) : List.of();
    }

    FaultSettings faults() {
        return new FaultSettings(latency, errorRate, timeoutRate, timeoutDelay, seed);
    }

    Map<String, Integer> modelDimensions() {
        return models.stream().map(entry -> entry.split("=", 2))
                .collect(Collectors.toUnmodifiableMap(pair -> pair[0].strip(),
                        pair -> pair.length > 1 ? Integer.parseInt(pair[1].strip()) : 1536));
    }

    /** Whether an {@code Authorization} header carries the accepted key as a Bearer token. */
    boolean accepts(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String key = authorization.substring(7).strip();
        return !key.isEmpty() && (apiKey.isBlank() || apiKey.equals(key));
    }

    @Override
    public String toString() {
        return "OpenAiProperties[apiKey=" + (apiKey.isBlank() ? "(any)" : "(set)") + ", models=" + models
                + ", perMinute=" + perMinute + "]";
    }
}
