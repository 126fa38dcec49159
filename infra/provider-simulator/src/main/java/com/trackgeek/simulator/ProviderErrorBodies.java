package com.trackgeek.simulator;

import jakarta.servlet.http.HttpServletRequest;

/** The error bodies a provider answers with, in that provider's own shape. */
public interface ProviderErrorBodies {

    Object rateLimited(RateLimitDecision decision);

    Object serverError(HttpServletRequest request);
}
