package com.trackgeek.simulator.twitch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the simulated Twitch token endpoint behaves.
 *
 * @param clientId     the one client id accepted; blank accepts any non-empty id
 * @param clientSecret the one secret accepted; blank accepts any non-empty secret
 * @param expiresIn    seconds each issued token lasts (Twitch: about two months)
 */
@ConfigurationProperties("simulator.twitch")
public record TwitchProperties(@DefaultValue("") String clientId,
                               @DefaultValue("") String clientSecret,
                               @DefaultValue("5394139") long expiresIn) {

    boolean knowsClient(String id) {
        return id != null && !id.isBlank() && (clientId.isBlank() || clientId.equals(id));
    }

    boolean acceptsSecret(String secret) {
        return secret != null && !secret.isBlank() && (clientSecret.isBlank() || clientSecret.equals(secret));
    }

    @Override
    public String toString() {
        return "TwitchProperties[clientId=" + clientId + ", clientSecret=<redacted>, expiresIn=" + expiresIn + "]";
    }
}
