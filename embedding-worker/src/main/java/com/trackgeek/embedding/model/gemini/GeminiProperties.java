package com.trackgeek.embedding.model.gemini;

import com.trackgeek.embedding.model.hosted.HostedCallPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Google's Gemini embeddings, used when {@code trackgeek.embedding.model.provider=gemini}.
 *
 * @param baseUrl           the Gemini API (the provider simulator's {@code /google-genai} in tests)
 * @param apiKey            sent as {@code x-goog-api-key}; required; never logged
 * @param model             e.g. {@code gemini-embedding-001}
 * @param dimensions        sent as {@code outputDimensionality}; every answer must have exactly this many values
 * @param taskType          Gemini's task type for stored items; blank sends none
 * @param batchSize         texts per {@code batchEmbedContents} request (Gemini takes at most 100)
 * @param requestsPerMinute this worker's own budget; 0 switches it off
 * @param maxAttempts       attempts per request, the first included
 * @param initialBackoff    first wait after a 429/5xx, doubled each retry
 * @param maxBackoff        cap of every wait; a longer Retry-After fails the call at once
 * @param connectTimeout    TCP connect timeout
 * @param readTimeout       a slower answer is a retryable failure
 */
@ConfigurationProperties("trackgeek.embedding.model.gemini")
record GeminiProperties(@DefaultValue("https://generativelanguage.googleapis.com") String baseUrl,
                        @DefaultValue("") String apiKey,
                        @DefaultValue("gemini-embedding-001") String model,
                        @DefaultValue("768") int dimensions,
                        @DefaultValue("RETRIEVAL_DOCUMENT") String taskType,
                        @DefaultValue("100") int batchSize,
                        @DefaultValue("100") int requestsPerMinute,
                        @DefaultValue("5") int maxAttempts,
                        @DefaultValue("1s") Duration initialBackoff,
                        @DefaultValue("60s") Duration maxBackoff,
                        @DefaultValue("5s") Duration connectTimeout,
                        @DefaultValue("60s") Duration readTimeout) {

    GeminiProperties {
        if (batchSize < 1 || batchSize > 100) {
            throw new IllegalArgumentException("trackgeek.embedding.model.gemini.batch-size must be 1..100: " + batchSize);
        }
        if (dimensions < 1) {
            throw new IllegalArgumentException("trackgeek.embedding.model.gemini.dimensions must be positive: " + dimensions);
        }
    }

    HostedCallPolicy policy() {
        return new HostedCallPolicy(requestsPerMinute, maxAttempts, initialBackoff, maxBackoff);
    }

    /** Without the key: records print every component otherwise. */
    @Override
    public String toString() {
        return "GeminiProperties[baseUrl=" + baseUrl + ", apiKey=" + (apiKey.isBlank() ? "(none)" : "(set)")
                + ", model=" + model + ", dimensions=" + dimensions + ", batchSize=" + batchSize + "]";
    }
}
