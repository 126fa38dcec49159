package com.trackgeek.sync.provider;

import java.time.Duration;

/**
 * One HTTP answer of a provider, before it is judged: status, raw body, and the {@code Retry-After} it asked
 * for (or null).
 */
public record ProviderResponse(int status, byte[] body, Duration retryAfter) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
