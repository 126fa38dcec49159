package com.trackgeek.faults;

import com.trackgeek.contracts.MediaKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * What a person does through the api, and reads back from it: read an item (waiting for it or not), ask a stored
 * item's refresh with the suite's key, and follow the sync request either answers with. Every call checks the
 * status it expects and names the answer when it is another, so a 500 fails the scenario with its body.
 */
final class PersonRequests {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String apiUrl;

    PersonRequests(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    /** {@code GET /api/v1/{type}/{id}?wait=PT0S} of an item nobody stored: the sync request the 202 names. */
    UUID fetch(MediaKey item) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(apiUrl + "/api/v1/" + item.type().pathSegment() + "/"
                + item.id() + "?wait=PT0S")).GET());
        return syncRequest(answer, "GET " + item);
    }

    /** {@code GET /api/v1/{type}/{id}?wait=PT20S}: the status once the item is stored (200) or failed. */
    int read(MediaKey item) {
        return send(HttpRequest.newBuilder(URI.create(apiUrl + "/api/v1/" + item.type().pathSegment() + "/" + item.id()
                + "?wait=PT20S")).GET()).statusCode();
    }

    /** {@code POST /api/v1/{type}/{id}/refresh} with the suite's key: the sync request the 202 names. */
    UUID refresh(MediaKey item) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(apiUrl + "/api/v1/" + item.type().pathSegment() + "/"
                + item.id() + "/refresh")).header("X-API-Key", FaultStack.API_KEY).POST(HttpRequest.BodyPublishers.noBody()));
        return syncRequest(answer, "POST refresh of " + item);
    }

    /** {@code GET /api/v1/sync-requests/{id}}: its status and, once failed, its code and detail. */
    Outcome outcome(UUID request) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(apiUrl + "/api/v1/sync-requests/" + request)).GET());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET sync request " + request + " answered " + answer.statusCode() + " " + answer.body());
        }
        JsonNode body = JSON.readTree(answer.body());
        return new Outcome(body.path("status").asString(null), body.path("errorCode").asString(null),
                body.path("errorDetail").asString(null));
    }

    /** A sync request as the api shows it: {@code queued}, {@code running}, {@code done} or {@code failed}. */
    record Outcome(String status, String errorCode, String errorDetail) {

        boolean finished() {
            return "done".equals(status) || "failed".equals(status);
        }

        /** Failed, saying why: a code and a detail a person can act on. */
        boolean failedWithACode() {
            return "failed".equals(status) && errorCode != null && errorDetail != null && !errorDetail.isBlank();
        }
    }

    private static UUID syncRequest(HttpResponse<String> answer, String what) {
        if (answer.statusCode() != 202) {
            throw new IllegalStateException(what + " answered " + answer.statusCode() + " " + answer.body());
        }
        String location = answer.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException(what + " answered 202 without a Location"));
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
