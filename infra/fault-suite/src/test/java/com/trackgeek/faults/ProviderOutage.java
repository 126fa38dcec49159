package com.trackgeek.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * TMDB down: every request answered 503 for {@code phase}, then every request held past the workers' read time-out
 * for {@code phase} (it is answered once nobody listens any more), then TMDB answers again. What must hold: stored
 * movies keep being served by the api all along, the workers' breaker opens and closes again, the bulk job pauses
 * rather than failing (and goes on afterwards), people's fetches meanwhile fail with a code, and an outage sends
 * nothing to a dead-letter topic.
 */
final class ProviderOutage implements Fault {

    private static final String TMDB = "/tmdb/.*";
    /** Longer than the workers' TMDB read time-out (10 s), so every held request times out. */
    private static final Duration HOLD = Duration.ofSeconds(12);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Duration phase;
    private final Map<String, LongAdder> storedReads = new ConcurrentHashMap<>();
    private long deadLettersBefore;
    private boolean breakerOpened;
    private long held;

    ProviderOutage(Duration phase) {
        this.phase = phase;
    }

    @Override
    public String name() {
        return "TMDB outage (503 for " + phase.toSeconds() + " s, then time-outs for " + phase.toSeconds() + " s)";
    }

    @Override
    public void inject(FaultStack stack) {
        deadLettersBefore = DeadLetterCount.of(stack.kafkaBootstrap());
        List<Long> stored = stack.database().sql("select provider_id from media_item where media_type = 'MOVIE' order by provider_id limit 50")
                .query(Long.class).list();
        assertThat(stored).as("movies stored before the outage").isNotEmpty();

        stack.providers.script().respondBody(TMDB, 503, """
                {"status_code":11,"status_message":"Internal error: Something went wrong, contact TMDb.","success":false}""");
        watch(stack, stored, Instant.now().plus(phase));
        Instant timeoutsFrom = Instant.now();
        stack.providers.script().delay(TMDB, HOLD);
        watch(stack, stored, Instant.now().plus(phase));
        stack.providers.script().clear(TMDB);
        held = stack.providers.requests().requests("/tmdb/3/movie/\\d+").stream()
                .filter(request -> !request.arrivedAt().isBefore(timeoutsFrom)).count();
    }

    /** Until {@code until}: reads a stored movie through the api and notes every replica's breaker, twice a second. */
    private void watch(FaultStack stack, List<Long> stored, Instant until) {
        int next = 0;
        while (Instant.now().isBefore(until)) {
            long id = stored.get(next++ % stored.size());
            storedReads.computeIfAbsent(read(stack, id), status -> new LongAdder()).increment();
            breakerOpened |= stack.syncWorkers.stream().map(worker -> BreakerStates.of(worker, "tmdb"))
                    .anyMatch(state -> state.isPresent() && state.getAsInt() == BreakerStates.OPEN);
            await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(1)).until(() -> true);
        }
    }

    private static String read(FaultStack stack, long id) {
        try {
            return Integer.toString(HTTP.send(HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/api/v1/movie/" + id))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (Exception unanswered) {
            return "no answer";
        }
    }

    /** Serving again: every replica's breaker is closed (it closes once calls in its half-open state succeed). */
    @Override
    public boolean servesAgain(FaultStack stack) {
        return stack.syncWorkers.stream().map(worker -> BreakerStates.of(worker, "tmdb"))
                .allMatch(state -> state.equals(OptionalInt.of(BreakerStates.CLOSED)));
    }

    /** Each held request was answered after its caller gave up; a bulk movie among them is fetched once more. */
    @Override
    public int mostFetchedAgain() {
        return Math.toIntExact(held);
    }

    @Override
    public void verify(FaultStack stack) {
        long deadLettered = DeadLetterCount.of(stack.kafkaBootstrap()) - deadLettersBefore;
        System.out.printf("FAULT SUITE TMDB outage: stored movies read meanwhile %s, breaker opened %s, requests held past the time-out %d, dead-lettered %d%n",
                storedReads, breakerOpened, held, deadLettered);
        assertThat(storedReads.keySet()).as("how the api answered reads of stored movies during the outage").containsOnly("200");
        assertThat(breakerOpened).as("a replica's TMDB breaker opened during the outage").isTrue();
        assertThat(servesAgain(stack)).as("every replica's TMDB breaker closed again").isTrue();
        assertThat(deadLettered).as("records dead-lettered during and after the outage").isZero();
    }
}
