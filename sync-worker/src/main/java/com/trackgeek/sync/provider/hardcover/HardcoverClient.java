package com.trackgeek.sync.provider.hardcover;

import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;
import com.trackgeek.sync.provider.ProviderBodies;
import com.trackgeek.sync.provider.ProviderException;
import com.trackgeek.sync.provider.ProviderGateway;
import com.trackgeek.sync.provider.ProviderResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.GraphQlClientException;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Hardcover's one query we send, {@code graphql-documents/hardcoverBooks.graphql}, through Spring's
 * {@link HttpSyncGraphQlClient} (it writes the request and reads the GraphQL envelope) inside Hardcover's one
 * {@link ProviderGateway} (rate limit, breaker, retries). The client reports HTTP errors as exceptions; each
 * attempt turns them back into the status, body and Retry-After the gateway judges, so 401, 429 and 5xx mean
 * here what they mean for every provider.
 *
 * <p>A GraphQL error comes with HTTP 200 (Hasura). Hardcover refusing our token that way ({@code invalid-jwt},
 * {@code invalid-headers}, {@code access-denied}) is {@code HARDCOVER_CREDENTIALS_REJECTED}; any other error,
 * typically {@code validation-failed} when Hardcover's schema moved away from our document, is
 * {@code PROVIDER_PAYLOAD_INVALID}: the provider is up and retrying cannot help, our document needs fixing,
 * which the API reports as 502. Each error's message and path are logged.
 */
final class HardcoverClient {

    static final String DOCUMENT = "hardcoverBooks";
    static final String SEARCH_DOCUMENT = "hardcoverBookSearch";
    static final String TRENDING_DOCUMENT = "hardcoverTrending";

    private static final Logger log = LoggerFactory.getLogger(HardcoverClient.class);
    private static final Set<String> REFUSED_CREDENTIALS = Set.of("invalid-jwt", "invalid-headers", "access-denied");

    private final HttpSyncGraphQlClient graphQl;
    private final ProviderGateway gateway;
    private final String path;

    /** @param path the endpoint's path ({@code /v1/graphql}), for failure details and logs */
    HardcoverClient(HttpSyncGraphQlClient graphQl, ProviderGateway gateway, String path) {
        this.graphQl = graphQl;
        this.gateway = gateway;
        this.path = path;
    }

    String path() {
        return path;
    }

    /**
     * The {@code books} of one query for {@code ids}, each as the client decoded it (maps and lists), so that a
     * book that cannot be read fails alone.
     */
    List<?> books(List<Long> ids) {
        return books("books", DOCUMENT, Map.of("ids", ids));
    }

    /**
     * The {@code books} whose title matches {@code text} anywhere, case-insensitively (ILIKE, its wildcards in
     * the text escaped), one page: the same gateway and budget as fetches.
     */
    List<?> search(String text, int limit, int offset) {
        String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return books("books_search", SEARCH_DOCUMENT, Map.of("pattern", pattern, "limit", limit, "offset", offset));
    }

    /**
     * The ids of {@code books_trending} between {@code from} and {@code to}, one page, in Hardcover's order. An
     * {@code error} in the answer means Hardcover could not rank: a payload problem of the answer.
     */
    List<Long> trending(LocalDate from, LocalDate to, int limit, int offset) {
        ClientGraphQlResponse response = execute("books_trending", TRENDING_DOCUMENT, Map.of("from", from.toString(),
                "to", to.toString(), "limit", limit, "offset", offset));
        Object error = response.field("books_trending.error").getValue();
        if (error != null) {
            throw ProviderException.invalidPayload(Provider.HARDCOVER, "POST " + path + " books_trending answered the error: " + error, null);
        }
        Object ids = response.field("books_trending.ids").getValue();
        if (!(ids instanceof List<?> list)) {
            throw ProviderException.invalidPayload(Provider.HARDCOVER, "POST " + path + " answered without data.books_trending.ids", null);
        }
        List<Long> parsed = new ArrayList<>(list.size());
        for (Object id : list) {
            if (!(id instanceof Number number)) {
                throw ProviderException.invalidPayload(Provider.HARDCOVER, "POST " + path + " books_trending.ids holds " + id, null);
            }
            parsed.add(number.longValue());
        }
        return parsed;
    }

    private List<?> books(String endpoint, String document, Map<String, Object> variables) {
        ClientGraphQlResponse response = execute(endpoint, document, variables);
        Object books = response.field("books").getValue();
        if (!(books instanceof List<?> list)) {
            throw ProviderException.invalidPayload(Provider.HARDCOVER, "POST " + path + " answered without data.books", null);
        }
        return list;
    }

    /** One request through the gateway: the response, its GraphQL errors judged. */
    private ClientGraphQlResponse execute(String endpoint, String document, Map<String, Object> variables) {
        var exchange = new Exchange();
        gateway.call(endpoint, MediaType.BOOK, () -> attempt(document, variables, exchange));
        if (exchange.unreadable != null) {
            throw ProviderException.invalidPayload(Provider.HARDCOVER, "POST " + path
                    + " answered a body that is not a GraphQL response: " + exchange.unreadable.getMessage(), exchange.unreadable);
        }
        ClientGraphQlResponse response = exchange.response;
        if (!response.getErrors().isEmpty()) {
            throw refused(document, response.getErrors());
        }
        return response;
    }

    private ProviderResponse attempt(String document, Map<String, Object> variables, Exchange exchange) {
        try {
            exchange.response = graphQl.documentName(document).variables(variables).executeSync();
            exchange.unreadable = null;
            return new ProviderResponse(200, new byte[0], null);
        } catch (RestClientException | GraphQlClientException failure) {
            // The transport throws these as they are, the reactive path wraps them: looked for in the causes.
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof RestClientResponseException http && !http.getStatusCode().is2xxSuccessful()) {
                    HttpHeaders headers = http.getResponseHeaders();
                    return new ProviderResponse(http.getStatusCode().value(), http.getResponseBodyAsByteArray(),
                            ProviderBodies.retryAfter(headers == null ? HttpHeaders.EMPTY : headers));
                }
                if (cause instanceof ResourceAccessException unreachable) {
                    throw unreachable; // the gateway's: a timeout or a refused connection, retried
                }
            }
            // A 2xx whose body is not a GraphQL response: an answer all the same, judged after the gateway is done with it.
            exchange.unreadable = failure;
            return new ProviderResponse(200, new byte[0], null);
        }
    }

    /**
     * A refusal of our token is told by its codes alone, never by Hardcover's words: those are about the token,
     * and may quote it (a JWT error naming what it could not verify), into log lines and stored failures.
     */
    private ProviderException refused(String document, List<ResponseError> errors) {
        boolean credentials = false;
        for (ResponseError error : errors) {
            Object code = error.getExtensions().get("code");
            Object at = error.getExtensions().getOrDefault("path", error.getPath());
            boolean refusal = code != null && REFUSED_CREDENTIALS.contains(code.toString());
            log.warn("Hardcover POST {} answered a GraphQL error: {} (code {}, at {})", path,
                    refusal ? "(a refusal of the token; its words left out)" : error.getMessage(), code, at);
            credentials |= refusal;
        }
        if (credentials) {
            String codes = errors.stream().map(error -> String.valueOf(error.getExtensions().get("code")))
                    .distinct().collect(Collectors.joining(", "));
            return ProviderException.credentialsRejected(Provider.HARDCOVER,
                    "POST " + path + " refused the configured token (" + codes + ")");
        }
        String messages = errors.stream().map(ResponseError::getMessage).collect(Collectors.joining("; "));
        return ProviderException.invalidPayload(Provider.HARDCOVER,
                "POST " + path + " rejected our query " + document + ": " + messages, null);
    }

    /** What the last attempt received: the gateway passes bodies as bytes, the GraphQL client decodes its own. */
    private static final class Exchange {
        private ClientGraphQlResponse response;
        private RuntimeException unreadable;
    }
}
