package com.trackgeek.sync.provider.igdb;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;
import com.trackgeek.sync.provider.ProviderBodies;
import com.trackgeek.sync.provider.ProviderException;
import com.trackgeek.sync.provider.ProviderGateway;
import com.trackgeek.sync.provider.ProviderResponse;
import com.trackgeek.sync.ratelimit.SharedInFlightLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * IGDB v4's {@code POST /games}: one Apicalypse query for up to 500 ids. Every call holds one of the in-flight
 * slots shared by all replicas for as long as it lasts (rate-limit wait and retries included, so a request
 * that waited for a slot cannot join a burst), and goes through IGDB's one {@link ProviderGateway}. It sends
 * {@code Client-ID} and {@code Authorization: Bearer <token>}; when IGDB refuses the token (401) it is replaced
 * (unless another replica already did) and the call is made once more; a second refusal is
 * {@code IGDB_CREDENTIALS_REJECTED}.
 *
 * <p>A 400 means our query is wrong, not the caller's id: the gateway reports it as
 * {@code IGDB_SERVICE_UNAVAILABLE} (the GAME type is out of order until the query is fixed), and IGDB's cause
 * is logged here, as the gateway does not keep bodies of errors.
 */
final class IgdbClient {

    private static final Logger log = LoggerFactory.getLogger(IgdbClient.class);
    static final String PATH = "/games";
    static final String POPULARITY_PATH = "/popularity_primitives";

    private final RestClient http;
    private final ProviderGateway gateway;
    private final SharedInFlightLimit inFlight;
    private final TwitchTokens tokens;
    private final String clientId;

    IgdbClient(RestClient http, ProviderGateway gateway, SharedInFlightLimit inFlight, TwitchTokens tokens, String clientId) {
        this.http = http;
        this.gateway = gateway;
        this.inFlight = inFlight;
        this.tokens = tokens;
        this.clientId = clientId;
    }

    /** The raw answer to our games query for {@code ids}. */
    byte[] games(List<Long> ids) {
        return games(IgdbQuery.gamesById(ids));
    }

    /** The raw answer to a games search, the same endpoint, budget and token as fetches. */
    byte[] search(String text, int limit, int offset) {
        return games(IgdbQuery.search(text, limit, offset));
    }

    /** The raw answer to a listing query on {@code /games} (ids by rating, ids after an id, ids changed in a range). */
    byte[] listGames(String query) {
        return games(query);
    }

    /** The raw answer to a {@code /popularity_primitives} query: the same budget, token and in-flight limit. */
    byte[] popularity(String query) {
        return post(POPULARITY_PATH, "popularity_primitives", query);
    }

    private byte[] games(String query) {
        return post(PATH, "games", query);
    }

    private byte[] post(String path, String endpoint, String query) {
        AccessToken token = tokens.current();
        try {
            return send(path, endpoint, query, token);
        } catch (ProviderException refused) {
            if (refused.code() != ErrorCode.IGDB_CREDENTIALS_REJECTED) {
                throw refused;
            }
            log.info("IGDB refused the app token (HTTP 401); replacing it and trying once more");
            return send(path, endpoint, query, tokens.replace(token));
        }
    }

    private byte[] send(String path, String endpoint, String query, AccessToken token) {
        try {
            return inFlight.run(() -> gateway.call(endpoint, MediaType.GAME, () -> attempt(path, query, token)));
        } catch (SharedInFlightLimit.Unavailable noSlot) {
            throw ProviderException.unavailable(Provider.IGDB, noSlot.getMessage(), noSlot);
        }
    }

    private ProviderResponse attempt(String path, String query, AccessToken token) {
        ProviderResponse response = ProviderBodies.exchange(http.post().uri(path)
                .header("Client-ID", clientId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token.value())
                .contentType(org.springframework.http.MediaType.TEXT_PLAIN)
                .accept(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(query));
        if (response.status() == 400) {
            String cause = new String(response.body(), StandardCharsets.UTF_8);
            log.warn("IGDB rejected our query on {} (HTTP 400), the query must be fixed: {}", path,
                    cause.length() > 2000 ? cause.substring(0, 2000) + "..." : cause);
        }
        return response;
    }
}
