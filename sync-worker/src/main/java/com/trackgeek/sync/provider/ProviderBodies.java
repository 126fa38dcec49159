package com.trackgeek.sync.provider;

import com.trackgeek.contracts.Provider;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;

/**
 * Reading a provider's answers the same way for every provider: a body that does not parse into the
 * provider's documented records is {@code PROVIDER_PAYLOAD_INVALID} naming the path and where in the body it
 * went wrong, never an exception that would crash a consumer; {@code Retry-After} in seconds is honoured.
 *
 * <p>No string of a body may be longer than {@value #MAX_STRING_LENGTH} characters: the longest real texts
 * (a synopsis, a storyline, a book's description) are a few thousand, so a longer one is a broken or hostile
 * answer (a 2 MB "title"), and storing it would put it in every read, search index and embedding text of the
 * item. The parser refuses it while reading, so the item fails with {@code PROVIDER_PAYLOAD_INVALID} and
 * nothing of it is stored (Jackson's own default allows 100 million).
 */
public final class ProviderBodies {

    /** The longest string a provider body may hold, in characters (see the class comment). */
    public static final int MAX_STRING_LENGTH = 100_000;

    private final Provider provider;
    private final JsonMapper json;

    private ProviderBodies(Provider provider, JsonMapper json) {
        this.provider = provider;
        this.json = json;
    }

    /** For providers whose JSON is snake_case (Jikan, TMDB, IGDB): unknown fields are ignored, drift is expected. */
    public static ProviderBodies snakeCase(Provider provider) {
        return new ProviderBodies(provider, JsonMapper.builder(limitedFactory())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build());
    }

    /** For providers whose JSON names match the records' (GraphQL answers). */
    public static ProviderBodies asNamed(Provider provider) {
        return new ProviderBodies(provider, JsonMapper.builder(limitedFactory())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build());
    }

    private static JsonFactory limitedFactory() {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_LENGTH).build())
                .build();
    }

    public JsonMapper json() {
        return json;
    }

    /**
     * @param path the provider path the body came from, with the id filled in, for the failure's detail
     */
    public <T> T parse(byte[] body, Class<T> type, String path) {
        try {
            return json.readValue(body, type);
        } catch (JacksonException malformed) {
            throw ProviderException.invalidPayload(provider, path + " body is not what " + provider + " documents"
                    + where(malformed) + ": " + malformed.getOriginalMessage(), malformed);
        }
    }

    /** Where in the body it went wrong, in the body's own terms: {@code " at data.chapters"}. */
    public static String where(JacksonException malformed) {
        StringBuilder location = new StringBuilder();
        for (JacksonException.Reference reference : malformed.getPath()) {
            if (reference.getPropertyName() != null) {
                location.append(location.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                location.append('[').append(reference.getIndex()).append(']');
            }
        }
        return location.isEmpty() ? "" : " at " + location;
    }

    /** One attempt of a prepared request, its answer read whole whatever the status. */
    public static ProviderResponse exchange(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((sent, response) -> new ProviderResponse(
                response.getStatusCode().value(),
                response.getBody().readAllBytes(),
                retryAfter(response.getHeaders())));
    }

    /** Seconds, as every provider here sends it; an HTTP-date or garbage is ignored in favour of our own backoff. */
    public static Duration retryAfter(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null || !value.trim().matches("\\d{1,6}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(value.trim()));
    }
}
