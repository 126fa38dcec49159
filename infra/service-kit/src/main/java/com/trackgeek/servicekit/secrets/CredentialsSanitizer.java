package com.trackgeek.servicekit.secrets;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

import java.util.List;
import java.util.Locale;

/**
 * Masks every credential in {@code /actuator/env} and {@code /actuator/configprops} even where an operator lets
 * those endpoints show values ({@code show-values: always}, for debugging a deployment): provider keys, tokens
 * and client credentials, hosted model keys, the API keys' hashes, passwords. A value is masked by the name it is
 * set under, in any of Spring's spellings: the property ({@code trackgeek.providers.tmdb.api-key}), its
 * environment variable ({@code TRACKGEEK_PROVIDERS_TMDB_API_KEY}) and configprops' own key ({@code apiKey}).
 * Masking by name, not by value, covers a credential the service has never used yet.
 */
final class CredentialsSanitizer implements SanitizingFunction {

    /** Endings of a name that holds a credential, without separators ({@code api-key}, {@code API_KEY}, {@code apiKey}). */
    private static final List<String> CREDENTIAL_ENDINGS = List.of("apikey", "key", "token", "secret", "clientid",
            "password", "hash", "credentials");

    @Override
    public SanitizableData apply(SanitizableData data) {
        return isCredential(data.getKey()) ? data.withSanitizedValue() : data;
    }

    static boolean isCredential(String name) {
        String bare = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return CREDENTIAL_ENDINGS.stream().anyMatch(bare::endsWith);
    }
}
