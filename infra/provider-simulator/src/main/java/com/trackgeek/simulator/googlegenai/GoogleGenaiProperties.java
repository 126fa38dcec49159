package com.trackgeek.simulator.googlegenai;

import com.trackgeek.simulator.FaultSettings;
import com.trackgeek.simulator.RateWindow;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the simulated Gemini API (embeddings) behaves.
 *
 * @param apiKey      the one key accepted in {@code x-goog-api-key} (or {@code ?key=}); blank accepts any non-empty key
 * @param models      the embedding models it knows, with their full dimensions; any other model is Google's 404
 * @param perMinute   requests admitted in any minute; 0 switches the limit off
 * @param latency     added to every admitted request
 * @param errorRate   fraction (0..1) answered 500 with Google's INTERNAL envelope
 * @param timeoutRate fraction (0..1) held for {@code timeoutDelay}
 * @param seed        drives the synthetic vectors and injected faults
 */
@ConfigurationProperties("simulator.google-genai")
record GoogleGenaiProperties(@DefaultValue("") String apiKey,
                             @DefaultValue({"text-embedding-004=768", "gemini-embedding-001=3072",
                                     "gemini-embedding-2-preview=3072"}) List<String> models,
                             @DefaultValue("0") int perMinute,
                             @DefaultValue("0ms") Duration latency,
                             @DefaultValue("0") double errorRate,
                             @DefaultValue("0") double timeoutRate,
                             @DefaultValue("30s") Duration timeoutDelay,
                             @DefaultValue("20260124") long seed) {

    List<RateWindow> windows() {
        return perMinute > 0 ? List.of(new RateWindow(perMinute, Duration.ofMinutes(1))) : List.of();
    }

    FaultSettings faults() {
        return new FaultSettings(latency, errorRate, timeoutRate, timeoutDelay, seed);
    }

    /** Model name to full dimensions, from the {@code name=dimensions} entries. */
    Map<String, Integer> modelDimensions() {
        return models.stream().map(entry -> entry.split("=", 2))
                .collect(java.util.stream.Collectors.toUnmodifiableMap(pair -> pair[0].strip(),
                        pair -> pair.length > 1 ? Integer.parseInt(pair[1].strip()) : 768));
    }

    boolean accepts(String key) {
        return key != null && !key.isBlank() && (apiKey.isBlank() || apiKey.equals(key));
    }

    @Override
    public String toString() {
        return "GoogleGenaiProperties[apiKey=" + (apiKey.isBlank() ? "(any)" : "(set)") + ", models=" + models
                + ", perMinute=" + perMinute + "]";
    }
}
