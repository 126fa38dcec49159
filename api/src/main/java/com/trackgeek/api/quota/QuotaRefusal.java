package com.trackgeek.api.quota;

import com.trackgeek.api.problem.ApiException;
import com.trackgeek.contracts.ErrorCode;

import java.time.Duration;

/**
 * A request the client's quota does not allow: why, and when it will (whole seconds, at least one).
 *
 * @param detail     the sentence for the caller; names the key, never the address
 * @param retryAfter when the client has a token again
 */
public record QuotaRefusal(String detail, Duration retryAfter) {

    /** As the 429 problem detail {@code QUOTA_EXCEEDED} with {@code Retry-After}. */
    public ApiException problem() {
        return ApiException.of(ErrorCode.QUOTA_EXCEEDED, detail).retryAfter(retryAfter)
                .with("retryAfterSeconds", retryAfter.toSeconds());
    }
}
