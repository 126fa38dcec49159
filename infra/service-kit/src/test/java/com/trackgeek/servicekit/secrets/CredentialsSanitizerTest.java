package com.trackgeek.servicekit.secrets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which names hold a credential, in each of the spellings an operator or configprops uses. */
class CredentialsSanitizerTest {

    @ParameterizedTest
    @ValueSource(strings = {"trackgeek.providers.tmdb.api-key", "TRACKGEEK_PROVIDERS_TMDB_API_KEY", "apiKey",
            "trackgeek.providers.tmdb.bearer-token", "bearerToken", "trackgeek.providers.igdb.client-secret",
            "TRACKGEEK_PROVIDERS_IGDB_CLIENT_ID", "clientId", "trackgeek.providers.hardcover.token",
            "trackgeek.embedding.model.gemini.api-key", "TRACKGEEK_EMBEDDING_MODEL_OPENAI_API_KEY",
            "trackgeek.api.security.keys[0].hash", "TRACKGEEK_API_SECURITY_KEYS_0_HASH", "hash",
            "spring.datasource.password", "SPRING_DATASOURCE_PASSWORD"})
    void aCredentialIsMaskedUnderEveryNameItCanBeSetUnder(String name) {
        assertThat(CredentialsSanitizer.isCredential(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"trackgeek.providers.tmdb.base-url", "trackgeek.providers.igdb.token-url",
            "trackgeek.providers.igdb.token-renewal-margin", "trackgeek.api.security.keys[0].name",
            "trackgeek.api.security.keys[0].scopes", "trackgeek.api.security.header", "spring.datasource.url",
            "trackgeek.embedding.model.gemini.model", "server.port"})
    void settingsThatAreNoCredentialStayReadable(String name) {
        assertThat(CredentialsSanitizer.isCredential(name)).isFalse();
    }
}
