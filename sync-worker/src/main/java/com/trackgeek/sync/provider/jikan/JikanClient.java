package com.trackgeek.sync.provider.jikan;


import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;
import com.trackgeek.sync.provider.ProviderException;
import com.trackgeek.sync.provider.ProviderGateway;
import com.trackgeek.sync.provider.ProviderResponse;
import org.springframework.http.HttpHeaders;

import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;

/**
 * Jikan v4's anime endpoints. Every request goes through the {@link ProviderGateway} (rate limit, retries,
 * circuit breaker); this class knows only paths and bodies.
 */
final class JikanClient {

    private final RestClient http;
    private final ProviderGateway gateway;
    private final JsonMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    JikanClient(RestClient http, ProviderGateway gateway) {
        this.http = http;
        this.gateway = gateway;
    }

    JikanResponses.Anime animeFull(long malId) {
        byte[] body = gateway.get("anime_full", MediaType.ANIME, () -> get("/anime/{id}/full", malId));
        JikanResponses.Anime anime = parse(body, JikanResponses.AnimeEnvelope.class, "anime_full").data();
        if (anime == null || anime.malId() == null || anime.title() == null || anime.title().isBlank()) {
            throw ProviderException.invalidPayload(Provider.JIKAN, "/anime/" + malId + "/full has no data.mal_id or data.title", null);
        }
        if (anime.malId() != malId) {
            throw ProviderException.invalidPayload(Provider.JIKAN, "/anime/" + malId + "/full describes anime " + anime.malId(), null);
        }
        return anime;
    }

    List<JikanResponses.CharacterRole> characters(long malId) {
        return orEmpty(optional("anime_characters", "/anime/{id}/characters", malId, JikanResponses.CharactersEnvelope.class))
                .stream().flatMap(envelope -> envelope.data() == null ? java.util.stream.Stream.empty() : envelope.data().stream()).toList();
    }

    List<JikanResponses.StaffEntry> staff(long malId) {
        return orEmpty(optional("anime_staff", "/anime/{id}/staff", malId, JikanResponses.StaffEnvelope.class))
                .stream().flatMap(envelope -> envelope.data() == null ? java.util.stream.Stream.empty() : envelope.data().stream()).toList();
    }

    JikanResponses.Videos videos(long malId) {
        var envelope = optional("anime_videos", "/anime/{id}/videos", malId, JikanResponses.VideosEnvelope.class);
        return envelope == null ? null : envelope.data();
    }

    /** A sub-resource Jikan answers 404 for is empty, not a failure of the whole sync. */
    private <T> T optional(String endpoint, String path, long malId, Class<T> type) {
        try {
            return parse(gateway.get(endpoint, MediaType.ANIME, () -> get(path, malId)), type, endpoint);
        } catch (ProviderException failure) {
            if (failure.code() == MediaType.ANIME.notFound()) {
                return null;
            }
            throw failure;
        }
    }

    private static <T> List<T> orEmpty(T value) {
        return value == null ? List.of() : List.of(value);
    }

    private ProviderResponse get(String path, long malId) {
        return http.get().uri(path, malId).accept(org.springframework.http.MediaType.APPLICATION_JSON)
                .exchange((request, response) -> new ProviderResponse(
                        response.getStatusCode().value(),
                        response.getBody().readAllBytes(),
                        retryAfter(response.getHeaders())));
    }

    private <T> T parse(byte[] body, Class<T> type, String endpoint) {
        try {
            return json.readValue(body, type);
        } catch (JacksonException malformed) {
            throw ProviderException.invalidPayload(Provider.JIKAN, endpoint + " body is not what Jikan documents: "
                    + malformed.getOriginalMessage(), malformed);
        }
    }

    /** Jikan sends seconds; an HTTP-date or garbage is ignored in favour of our own backoff. */
    private static Duration retryAfter(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null || !value.trim().matches("\\d{1,6}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(value.trim()));
    }
}
