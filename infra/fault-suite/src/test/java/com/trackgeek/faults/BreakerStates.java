package com.trackgeek.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A provider's circuit breaker as a sync-worker replica reports it to Prometheus
 * ({@code trackgeek_provider_circuit_state}: 0 closed, 1 open, 2 half-open): what an operator's dashboard shows, read
 * the way Prometheus reads it.
 */
final class BreakerStates {

    static final int CLOSED = 0;
    static final int OPEN = 1;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private BreakerStates() {
    }

    /** The breaker's state on {@code worker}, empty when the replica does not answer. */
    static OptionalInt of(ServiceProcess worker, String provider) {
        Pattern line = Pattern.compile("^trackgeek_provider_circuit_state\\{[^}]*provider=\"" + Pattern.quote(provider) + "\"[^}]*} (\\S+)$",
                Pattern.MULTILINE);
        try {
            String page = HTTP.send(HttpRequest.newBuilder(URI.create(worker.url() + "/actuator/prometheus")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher state = line.matcher(page);
            return state.find() ? OptionalInt.of((int) Double.parseDouble(state.group(1))) : OptionalInt.empty();
        } catch (Exception notAnswering) {
            return OptionalInt.empty();
        }
    }
}
