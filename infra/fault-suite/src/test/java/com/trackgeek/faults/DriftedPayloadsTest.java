package com.trackgeek.faults;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Providers that change their format without notice ({@link Drift}, applied to real recorded bodies of TMDB movies
 * and shows and Jikan anime and manga, {@link DriftedBody}), met the way people and jobs meet them, all at once:
 * <ul>
 *     <li>people reading items nobody stored, each provider answering one drift per item: every request fails with
 *     {@code PROVIDER_PAYLOAD_INVALID} and a detail, and nothing of the item is stored (no row, no vector, no embedding
 *     request);</li>
 *     <li>people refreshing items stored earlier from the real body, the refresh answered drifted: the refresh fails
 *     with the code, the stored row stays exactly as it was;</li>
 *     <li>a bulk job of 20 movies, 5 of them drifted: the job finishes, the 5 failed with the code, the 15 stored.</li>
 * </ul>
 * No request is left queued or running, none is announced twice, no drifted body is fetched twice (a payload problem is
 * not retried). The scenario's movie, show, anime and manga ids are 900,001-900,620, which no other scenario uses.
 */
class DriftedPayloadsTest {

    private static final List<DriftedBody> SHAPES = List.of(DriftedBody.TMDB_MOVIE, DriftedBody.TMDB_TV,
            DriftedBody.JIKAN_ANIME, DriftedBody.JIKAN_MANGA);
    private static final List<Drift> ANIME_REFRESH_DRIFTS = List.of(Drift.NULLS_EVERYWHERE, Drift.HUGE_TEXT, Drift.TRUNCATED);
    private static final List<Drift> BULK_DRIFTS = List.of(Drift.NULLS_EVERYWHERE, Drift.NUMBER_AS_TEXT, Drift.HUGE_TITLE,
            Drift.TRUNCATED, Drift.EMPTY_OBJECT);
    private static final int BULK_ITEMS = 20;
    private static final long BULK_FIRST = 900_601;
    private static final Duration SETTLE = Duration.ofSeconds(90);

    private final FaultStack stack = FaultStack.get();
    private final PersonRequests people = new PersonRequests(stack.apiUrl());
    private final ItemRows rows = new ItemRows(stack.database());

    /** One drifted item, how it was met, and the request that met it (null for a bulk job's item). */
    private record Drifted(String how, DriftedBody shape, Drift drift, MediaKey item, UUID request) {
    }

    @AfterEach
    void providersAnswerAsRecordedAgain() {
        stack.providers.script().reset();
    }

    @Test
    void aDriftedBodyFailsItsItemWithACodeAndStoresNothingOfIt() throws Exception {
        // Stored earlier, from the real body: what the drifted refreshes must leave untouched.
        List<Drifted> refreshes = new ArrayList<>();
        for (Drift drift : Drift.values()) {
            refreshes.add(new Drifted("refresh", DriftedBody.TMDB_MOVIE, drift, MediaKey.of(MediaType.MOVIE, 900_501 + drift.ordinal()), null));
        }
        for (Drift drift : ANIME_REFRESH_DRIFTS) {
            refreshes.add(new Drifted("refresh", DriftedBody.JIKAN_ANIME, drift, MediaKey.of(MediaType.ANIME, 900_521 + ANIME_REFRESH_DRIFTS.indexOf(drift)), null));
        }
        Map<MediaKey, String> storedBefore = new LinkedHashMap<>();
        for (Drifted refresh : refreshes) {
            if (refresh.shape().type() == MediaType.MOVIE) {
                stack.providers.tmdb().serveRecordedAs("movie", refresh.item().id(), refresh.shape().recordedId());
            } else {
                stack.providers.jikan().serveRecordedAs("anime", refresh.item().id(), refresh.shape().recordedId());
            }
        }
        eachInParallel(refreshes, refresh -> assertThat(people.read(refresh.item())).as("stored earlier: " + refresh.item()).isEqualTo(200));
        for (Drifted refresh : refreshes) {
            rows.syncedDaysAgo(refresh.item());
            storedBefore.put(refresh.item(), rows.row(refresh.item()).orElseThrow());
        }

        // Every provider answers drifted from now on, each item with its own drift.
        List<Drifted> fresh = new ArrayList<>();
        for (DriftedBody shape : SHAPES) {
            for (Drift drift : Drift.values()) {
                fresh.add(new Drifted("new", shape, drift, MediaKey.of(shape.type(), 900_001 + 100L * SHAPES.indexOf(shape) + drift.ordinal()), null));
            }
        }
        List<Drifted> bulk = new ArrayList<>();
        for (Drift drift : BULK_DRIFTS) {
            bulk.add(new Drifted("bulk", DriftedBody.TMDB_MOVIE, drift, MediaKey.of(MediaType.MOVIE, BULK_FIRST + 3 + 4L * BULK_DRIFTS.indexOf(drift)), null));
        }
        Stream.of(fresh, refreshes, bulk).flatMap(List::stream).forEach(drifted -> stack.providers.script()
                .respondBody(drifted.shape().pathOf(drifted.item().id()), 200, drifted.drift().apply(drifted.shape(), drifted.item().id())));

        Instant start = Instant.now();
        List<Drifted> asked = new ArrayList<>();
        asked.addAll(inParallel(fresh, drifted -> withRequest(drifted, people.fetch(drifted.item()))));
        asked.addAll(inParallel(refreshes, drifted -> withRequest(drifted, people.refresh(drifted.item()))));
        UUID job = MixedLoad.bulkJob(stack.apiUrl(), BULK_FIRST, BULK_ITEMS);

        Map<UUID, PersonRequests.Outcome> outcomes = new ConcurrentHashMap<>();
        Duration recovery = settled(() -> {
            for (Drifted drifted : asked) {
                outcomes.put(drifted.request(), people.outcome(drifted.request()));
            }
            return outcomes.values().stream().allMatch(PersonRequests.Outcome::finished)
                    && "done".equals(new Ledger(stack.database()).bulk(job).status());
        }, start);

        // The ledger of what became of every drifted request and item.
        Map<Long, ItemRows.JobItem> jobItems = rows.jobItems(job).stream().collect(Collectors.toMap(ItemRows.JobItem::id, Function.identity()));
        Map<String, Long> byCode = new TreeMap<>();
        Map<Drifted, String> wrong = new LinkedHashMap<>();
        long completed = 0;
        for (Drifted drifted : Stream.concat(asked.stream(), bulk.stream()).toList()) {
            String code;
            boolean failedWithACode;
            if (drifted.request() != null) {
                PersonRequests.Outcome outcome = outcomes.get(drifted.request());
                code = outcome.status() + " " + outcome.errorCode();
                failedWithACode = outcome.failedWithACode();
            } else {
                ItemRows.JobItem item = jobItems.get(drifted.item().id());
                code = item == null ? "missing" : item.outcome() + " " + item.errorCode();
                failedWithACode = item != null && "failed".equals(item.outcome()) && item.errorCode() != null;
            }
            byCode.merge(code, 1L, Long::sum);
            completed += failedWithACode ? 1 : 0;
            if (!("failed " + ErrorCode.PROVIDER_PAYLOAD_INVALID).equals(code) || !failedWithACode) {
                wrong.put(drifted, code);
            }
            boolean intact = "refresh".equals(drifted.how())
                    ? rows.row(drifted.item()).equals(Optional.of(storedBefore.get(drifted.item())))
                    : rows.anythingOf(drifted.item()).isEmpty();
            if (!intact) {
                wrong.merge(drifted, "half-written or changed: " + rows.anythingOf(drifted.item()), (a, b) -> a + "; " + b);
            }
        }
        long halfWritten = wrong.values().stream().filter(reason -> reason.contains("half-written")).count();
        long stuck = outcomes.values().stream().filter(outcome -> !outcome.finished()).count()
                + bulk.stream().filter(drifted -> jobItems.get(drifted.item().id()) == null || jobItems.get(drifted.item().id()).outcome() == null).count();
        List<UUID> requests = asked.stream().map(Drifted::request).toList();
        Map<UUID, List<String>> announced = Announcements.perRequest(stack.kafkaBootstrap(), requests);
        long announcedTwice = announced.values().stream().filter(announcements -> announcements.size() > 1).count();
        Map<String, Long> fetches = Stream.concat(asked.stream(), bulk.stream()).collect(Collectors.toMap(
                drifted -> drifted.shape().pathOf(drifted.item().id()),
                drifted -> stack.providers.requests().arrivals(drifted.shape().pathOf(drifted.item().id())).stream()
                        .filter(at -> !at.isBefore(start)).count()));
        long fetchedAgain = fetches.values().stream().mapToLong(times -> Math.max(0, times - 1)).sum();
        List<Long> goodBulkIds = LongStream.range(BULK_FIRST, BULK_FIRST + BULK_ITEMS)
                .filter(id -> bulk.stream().noneMatch(drifted -> drifted.item().id() == id)).boxed().toList();

        new ScenarioReport("drifted provider payloads (" + Drift.values().length + " drifts of real TMDB movie/TV and Jikan anime/manga bodies)",
                asked.size() + bulk.size(), asked.size() + bulk.stream().filter(drifted -> jobItems.containsKey(drifted.item().id())).count(),
                completed, stuck + halfWritten, announcedTwice, fetchedAgain, recovery,
                fresh.size() + " new items, " + refreshes.size() + " refreshes of stored items, " + bulk.size() + " of a bulk job of "
                        + BULK_ITEMS + "; " + byCode).publish();

        assertThat(wrong).as("drifted items not failed with PROVIDER_PAYLOAD_INVALID, or something of them stored or changed").isEmpty();
        assertThat(stuck).as("drifted requests or job items left queued or running").isZero();
        assertThat(announced.keySet()).as("every drifted request announced").hasSize(requests.size());
        assertThat(announcedTwice).as("drifted requests announced twice").isZero();
        assertThat(fetches).as("drifted bodies fetched once each: a payload problem is not retried").allSatisfy((path, times) -> assertThat(times).isEqualTo(1));
        assertThat(new Ledger(stack.database()).bulk(job).status()).as("the bulk job").isEqualTo("done");
        assertThat(goodBulkIds).as("the bulk job's other movies stored")
                .allSatisfy(id -> assertThat(jobItems.get(id).outcome()).isEqualTo("stored"));
    }

    private static Drifted withRequest(Drifted drifted, UUID request) {
        return new Drifted(drifted.how(), drifted.shape(), drifted.drift(), drifted.item(), request);
    }

    /** Each on a thread of its own, as many people at once; the results in the given order. */
    private static <T> List<T> inParallel(List<Drifted> items, Function<Drifted, T> call) throws Exception {
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = items.stream().map(item -> threads.submit(() -> call.apply(item))).toList();
            List<T> results = new ArrayList<>();
            for (var future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    private static void eachInParallel(List<Drifted> items, Consumer<Drifted> call) throws Exception {
        inParallel(items, item -> {
            call.accept(item);
            return item;
        });
    }

    /** Waits up to {@link #SETTLE} for {@code everyOneFinished}; the time from {@code start} until it held, or until it gave up. */
    private static Duration settled(Callable<Boolean> everyOneFinished, Instant start) {
        try {
            await().atMost(SETTLE).pollInterval(Duration.ofMillis(250)).until(everyOneFinished);
        } catch (ConditionTimeoutException countedAsStuck) {
            // The ledger reports it.
        }
        return Duration.between(start, Instant.now());
    }
}
