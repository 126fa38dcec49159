package com.trackgeek.sync.provider.igdb;

import com.trackgeek.contracts.Provider;
import com.trackgeek.sync.provider.ProviderBodies;
import com.trackgeek.sync.provider.ProviderException;
import com.trackgeek.sync.provider.ProviderResponse;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * Asks Twitch for a new app access token (client-credentials grant). App tokens cannot be refreshed, only
 * replaced. The client id and secret go in the form body, not the URL, so no proxy or access log ever sees
 * the secret; Twitch documents both. Nothing this class throws carries the secret or a token.
 *
 * <p>Answers become codes: 400/401/403 (Twitch's {@code {"status":400,"message":"invalid client"}} for an
 * unknown client id, 403 for a wrong secret) are {@code IGDB_CREDENTIALS_REJECTED}; an unreachable endpoint, a
 * 429 or 5xx, and a 200 whose body lacks {@code access_token} or {@code expires_in} are
 * {@code IGDB_SERVICE_UNAVAILABLE} (without {@code expires_in} we cannot know when to renew the token, and
 * guessing would end in 401s; the operator cannot fix Twitch's answer, so it is not a credential error).
 */
final class TwitchTokenClient {

    /** Twitch's token body, and its error body. */
    record TokenBody(String accessToken, Long expiresIn, String tokenType) {
    }

    record ErrorBody(Integer status, String message) {
    }

    private final RestClient http;
    private final URI tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private final ProviderBodies bodies = ProviderBodies.snakeCase(Provider.IGDB);

    TwitchTokenClient(RestClient http, URI tokenUrl, String clientId, String clientSecret, Clock clock) {
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    String clientId() {
        return clientId;
    }

    AccessToken requestToken() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("client_id", clientId);
        form.add("client_secret", clientSecret);
        form.add("grant_type", "client_credentials");
        ProviderResponse response;
        try {
            response = ProviderBodies.exchange(http.post().uri(tokenUrl)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(form));
        } catch (ResourceAccessException unreachable) {
            // Its message holds the URL only, but the cause chain is not ours to vouch for: keep neither.
            throw ProviderException.unavailable(Provider.IGDB, "Twitch's token endpoint is unreachable ("
                    + unreachable.getClass().getSimpleName() + ")", null);
        }
        int status = response.status();
        if (status == 400 || status == 401 || status == 403) {
            throw ProviderException.credentialsRejected(Provider.IGDB, "Twitch refused the client credentials: HTTP "
                    + status + " " + errorMessage(response.body()));
        }
        if (!response.isSuccess()) {
            throw ProviderException.unavailable(Provider.IGDB, "Twitch's token endpoint answered HTTP " + status, null);
        }
        TokenBody token;
        try {
            token = bodies.json().readValue(response.body(), TokenBody.class);
        } catch (JacksonException malformed) {
            throw ProviderException.unavailable(Provider.IGDB, "Twitch's token answer is not JSON of the documented shape"
                    + ProviderBodies.where(malformed), null);
        }
        if (token == null || token.accessToken() == null || token.accessToken().isBlank()) {
            throw ProviderException.unavailable(Provider.IGDB, "Twitch's token answer has no access_token", null);
        }
        if (token.expiresIn() == null || token.expiresIn() <= 0) {
            throw ProviderException.unavailable(Provider.IGDB, "Twitch's token answer has no positive expires_in,"
                    + " so we cannot know when the token must be renewed; not using it", null);
        }
        return new AccessToken(token.accessToken(), clock.instant().plus(Duration.ofSeconds(token.expiresIn())));
    }

    /**
     * Twitch's own words ("invalid client"), never the body itself should it echo anything else, and never words
     * that quote the client id or secret (both are credentials).
     */
    private String errorMessage(byte[] body) {
        try {
            ErrorBody error = bodies.json().readValue(body, ErrorBody.class);
            if (error != null && error.message() != null && error.message().length() < 200
                    && (clientSecret.isEmpty() || !error.message().contains(clientSecret))
                    && (clientId.isEmpty() || !error.message().contains(clientId))) {
                return "(" + error.message() + ")";
            }
        } catch (JacksonException notJson) {
            // Fall through.
        }
        return "(no readable message)";
    }
}
