package com.trackgeek.api.security;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.stereotype.Component;

/**
 * Masks the API keys' hashes in {@code /actuator/env} and {@code /actuator/configprops} even where an operator
 * lets those endpoints show values: a hash is not the key, but with a fast hash it is what an attacker would
 * guess keys against, and nobody needs to read it back. Matches the property ({@code trackgeek.api.security.keys[0].hash}),
 * its environment variable ({@code TRACKGEEK_API_SECURITY_KEYS_0_HASH}) and configprops' own key ({@code hash}).
 */
@Component
final class SecretsSanitizer implements SanitizingFunction {

    @Override
    public SanitizableData apply(SanitizableData data) {
        String key = data.getLowerCaseKey();
        boolean keyHash = key.equals("hash")
                || (key.replace('_', '.').startsWith("trackgeek.api.security.keys") && key.endsWith("hash"));
        return keyHash ? data.withSanitizedValue() : data;
    }
}
