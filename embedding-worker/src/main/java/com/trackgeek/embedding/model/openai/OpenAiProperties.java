package com.trackgeek.embedding.model.openai;

import com.trackgeek.embedding.model.hosted.HostedCallPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Any OpenAI-compatible {@code /v1/embeddings}, used when {@code trackgeek.embedding.model.provider=openai}.
 *
 * @param baseUrl           the server, without {@code /v1} (the provider simulator's {@code /openai} in tests)
 * @param apiKey            sent as {@code Authorization: Bearer}; blank sends none (local servers); never logged
 * @param model             e.g. {@code text-embedding-3-small}
 * @param dimensions        every answer must have exactly this many values
 * @param sendDimensions    send {@code dimensions} (text-embedding-3 models shorten their vectors; many
 *                          compatible servers refuse the parameter)
 * @param encodingFormat    {@code base64} (a quarter of the bytes) or {@code float}; both are decoded
 * @param batchSize         texts per request (OpenAI takes at most 2048)
 * @param requestsPerMinute this worker's own budget; 0 switches it off
 * @param maxAttempts       attempts per request, the first included
 * @param initialBackoff    first wait after a 429/5xx, doubled each retry
 * @param maxBackoff        cap of every wait; a longer Retry-After fails the call at once
 * @param connectTimeout    TCP connect timeout
 * @param readTimeout       a slower answer is a retryable failure
 */
@ConfigurationProperties("trackgeek.embedding.model.openai")
record OpenAiProperties(@DefaultValue("https://api.openai.com") String baseUrl,
                        @DefaultValue("") String apiKey,
                        @DefaultValue("text-embedding-3-small") String model,
                        @DefaultValue("1536") int dimensions,
                        @DefaultValue("false") boolean sendDimensions,
                        @DefaultValue("base64") String encodingFormat,
                        @DefaultValue("256") int batchSize,
                        @DefaultValue("500") int requestsPerMinute,
                        @DefaultValue("5") int maxAttempts,
                        @DefaultValue("1s") Duration initialBackoff,
                        @DefaultValue("60s") Duration maxBackoff,
                        @DefaultValue("5s") Duration connectTimeout,
                        @DefaultValue("60s") Duration readTimeout) {

    OpenAiProperties {
        if (batchSize < 1 || batchSize > 2048) {
            throw new IllegalArgumentException("trackgeek.embedding.model.openai.batch-size must be 1..2048: " + batchSize);
        }
        if (dimensions < 1) {
            throw new IllegalArgumentException("trackgeek.embedding.model.openai.dimensions must be positive: " + dimensions);
        }
        if (!encodingFormat.equals("base64") && !encodingFormat.equals("float")) {
            throw new IllegalArgumentException("trackgeek.embedding.model.openai.encoding-format must be base64 or float: "
                    + encodingFormat);
        }
    }

    HostedCallPolicy policy() {
        return new HostedCallPolicy(requestsPerMinute, maxAttempts, initialBackoff, maxBackoff);
    }

    /** Without the key: records print every component otherwise. */
    @Override
    public String toString() {
        return "OpenAiProperties[baseUrl=" + baseUrl + ", apiKey=" + (apiKey.isBlank() ? "(none)" : "(set)")
                + ", model=" + model + ", dimensions=" + dimensions + ", encodingFormat=" + encodingFormat
                + ", batchSize=" + batchSize + "]";
    }
}
