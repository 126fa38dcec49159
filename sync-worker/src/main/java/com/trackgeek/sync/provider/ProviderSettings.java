package com.trackgeek.sync.provider;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings shared by all providers.
 *
 * @param jitterAllowance how much later than it left our rate limiter a request may reach a provider; the
 *                        limiter's windows are stretched by it so the provider never counts too many
 */
@ConfigurationProperties("trackgeek.providers")
public record ProviderSettings(@DefaultValue("50ms") Duration jitterAllowance) {
}
