package com.trackgeek.embedding.model.hosted;

import com.trackgeek.contracts.ErrorCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What both hosted clients do the same way with HTTP: one client per model with its timeouts, one POST whose
 * non-2xx answer becomes a {@link HostedModelException} through the provider's own mapping, the
 * {@code Retry-After} header in both of its forms, and splitting texts into batches.
 */
public final class HostedHttp {

    private HostedHttp() {
    }

    /** The status, headers and raw body of a non-2xx answer, for a provider's error mapping. */
    public record ErrorAnswer(int status, HttpHeaders headers, byte[] body) {

        /** The provider's {@code Retry-After}: seconds or an HTTP date; null when absent or unreadable. */
        public Duration retryAfter() {
            String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration wait = Duration.between(Instant.now(), at);
                    return wait.isNegative() ? Duration.ZERO : wait;
                } catch (DateTimeParseException notADate) {
                    return null;
                }
            }
        }
    }

    /** A client for {@code baseUrl} from Boot's builder (its message converters and observations). */
    public static RestClient restClient(RestClient.Builder restClients, String baseUrl, Duration connectTimeout,
                                        Duration readTimeout) {
        HttpClient httpClient = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(readTimeout);
        return restClients.clone().baseUrl(baseUrl).requestFactory(requestFactory).build();
    }

    /**
     * Sends {@code request} and reads a 2xx body as {@code type}; any other answer goes through {@code errors}.
     * A connection failure or timeout is a retryable {@link ErrorCode#EMBEDDING_SERVICE_UNAVAILABLE}.
     */
    public static <T> T exchange(RestClient.RequestHeadersSpec<?> request, Class<T> type,
                                 Function<ErrorAnswer, HostedModelException> errors) {
        try {
            return request.exchange((sent, response) -> {
                if (response.getStatusCode().is2xxSuccessful()) {
                    T body = response.bodyTo(type);
                    if (body == null) {
                        throw new HostedModelException(ErrorCode.EMBEDDING_SERVICE_UNAVAILABLE, true, null,
                                "empty answer with HTTP " + response.getStatusCode().value(), null);
                    }
                    return body;
                }
                throw errors.apply(new ErrorAnswer(response.getStatusCode().value(), response.getHeaders(),
                        response.getBody().readAllBytes()));
            });
        } catch (ResourceAccessException unreachable) {
            throw new HostedModelException(ErrorCode.EMBEDDING_SERVICE_UNAVAILABLE, true, null,
                    "no answer: " + unreachable.getMostSpecificCause().getClass().getSimpleName(), unreachable);
        } catch (org.springframework.web.client.RestClientException unreadable) {
            throw new HostedModelException(ErrorCode.EMBEDDING_SERVICE_UNAVAILABLE, true, null,
                    "unreadable answer: " + unreadable.getMostSpecificCause().getMessage(), unreadable);
        }
    }

    /**
     * The service's own words with our key left out: a service (or a proxy in front of it) may quote the key it
     * was sent, and these words go into log lines, dead-letter headers and stored failures.
     */
    public static String withoutKey(String said, String key) {
        return said == null || key == null || key.isBlank() ? said : said.replace(key.strip(), "[redacted]");
    }

    /** The fallback mapping by status alone, for answers whose body names nothing more specific. */
    public static HostedModelException byStatus(ErrorAnswer answer, String message) {
        int status = answer.status();
        if (status == 429) {
            return new HostedModelException(ErrorCode.EMBEDDING_RATE_LIMITED, true, answer.retryAfter(),
                    "HTTP 429 " + message, null);
        }
        if (status >= 500 || status == 408) {
            return new HostedModelException(ErrorCode.EMBEDDING_SERVICE_UNAVAILABLE, true, answer.retryAfter(),
                    "HTTP " + status + " " + message, null);
        }
        if (status == 401 || status == 403) {
            return HostedModelException.permanent(ErrorCode.EMBEDDING_CREDENTIALS_REJECTED, "HTTP " + status + " " + message);
        }
        if (status == 404) {
            return HostedModelException.permanent(ErrorCode.EMBEDDING_MODEL_NOT_FOUND, "HTTP 404 " + message);
        }
        return HostedModelException.permanent(ErrorCode.INVALID_REQUEST, "HTTP " + status + " " + message);
    }

    /** {@code items} in consecutive batches of at most {@code size}. */
    public static <T> List<List<T>> batches(List<T> items, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            batches.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return batches;
    }
}
