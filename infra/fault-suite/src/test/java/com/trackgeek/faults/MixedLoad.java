package com.trackgeek.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * What a scenario runs its fault under: people fetching movies nobody stored yet ({@code GET /api/v1/movie/{id}}
 * without waiting, so each answer is a 202 with the sync request to follow), at a steady rate, each request on a
 * thread of its own so that a slow or absent api does not slow the schedule; and one bulk job of 2,000 movies over
 * HTTP. It remembers every request the api accepted (its sync request id) and how the others were answered.
 */
final class MixedLoad implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String apiUrl;
    private final AtomicLong nextId;
    private final Set<UUID> accepted = ConcurrentHashMap.newKeySet();
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final LongAdder sent = new LongAdder();
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();

    private MixedLoad(String apiUrl, long firstId) {
        this.apiUrl = apiUrl;
        this.nextId = new AtomicLong(firstId);
    }

    /** Starts fetching movies from {@code firstId} on, one more id each time, {@code perSecond} a second. */
    static MixedLoad interactive(String apiUrl, long firstId, int perSecond) {
        MixedLoad load = new MixedLoad(apiUrl, firstId);
        load.schedule.scheduleAtFixedRate(() -> Thread.ofVirtual().start(load::fetchOne), 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
        return load;
    }

    private void fetchOne() {
        long id = nextId.getAndIncrement();
        sent.increment();
        try {
            var response = HTTP.send(HttpRequest.newBuilder(URI.create(apiUrl + "/api/v1/movie/" + id + "?wait=PT0S"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
            answers.computeIfAbsent(Integer.toString(response.statusCode()), status -> new LongAdder()).increment();
            if (response.statusCode() == 202) {
                syncRequestId(response).ifPresent(accepted::add);
            }
        } catch (Exception unreachable) {
            answers.computeIfAbsent("no answer", status -> new LongAdder()).increment();
        }
    }

    private static Optional<UUID> syncRequestId(HttpResponse<?> response) {
        return response.headers().firstValue("Location")
                .map(location -> location.substring(location.lastIndexOf('/') + 1))
                .map(UUID::fromString);
    }

    /**
     * Starts a bulk job of the movies {@code firstId .. firstId + count - 1} over HTTP with the suite's key.
     *
     * @return the job's id, accepted (202)
     */
    static UUID bulkJob(String apiUrl, long firstId, int count) throws Exception {
        UUID id = UUID.randomUUID();
        String ids = LongStream.range(firstId, firstId + count).mapToObj(Long::toString).collect(Collectors.joining(","));
        String body = """
                {"id":"%s","selector":{"kind":"IDS","type":"MOVIE","ids":[%s]}}""".formatted(id, ids);
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(apiUrl + "/api/v1/bulk-syncs"))
                .header("X-API-Key", FaultStack.API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("bulk job refused: " + response.statusCode() + " " + response.body());
        }
        return id;
    }

    /** Stops sending; requests already sent still finish. */
    @Override
    public void close() {
        schedule.shutdownNow();
        try {
            // The last requests' threads answer within their time-out.
            Thread.sleep(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long sent() {
        return sent.sum();
    }

    Set<UUID> accepted() {
        return Set.copyOf(accepted);
    }

    /** How the api answered, by status ("no answer" for a refused connection or a time-out). */
    Map<String, Long> answers() {
        return answers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().sum()));
    }

    /** The movie ids fetched so far. */
    List<Long> ids(long firstId) {
        return LongStream.range(firstId, nextId.get()).boxed().toList();
    }
}
