package com.trackgeek.faults;

import com.trackgeek.simulator.LoggedRequest;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every scenario does: people fetching movies nobody stored (5 a second) and a bulk job of 2,000 movies; a
 * quarter into the job, the {@link Fault}; then the ledger. Recovered means: every sync request accepted up to 2 s
 * after the fault ended is answered, every movie stored up to then has its vector, and the fault's victim serves
 * again (a service started again at once answers its health check); the recovery time counts from the fault's end
 * (a kill ends at once, a restart when the part is started again, an outage when the provider answers again).
 *
 * @param firstId the scenario's own movie ids start here (people's from it, the job's 10,000 above)
 */
record FaultUnderLoad(Fault fault, long firstId) {

    private static final int BULK_ITEMS = 2_000;
    private static final int PEOPLE_PER_SECOND = 5;
    private static final Duration SETTLE = Duration.ofMinutes(4);

    void run(FaultStack stack) throws Exception {
        Ledger ledger = new Ledger(stack.database());
        long bulkFirst = firstId + 10_000;
        MixedLoad people = MixedLoad.interactive(stack.apiUrl(), firstId, PEOPLE_PER_SECOND);
        UUID job;
        JobProgress progress = null;
        Instant jobStarted;
        Duration jobTook;
        Duration faultLasted;
        Duration recovery;
        try {
            jobStarted = Instant.now();
            job = MixedLoad.bulkJob(stack.apiUrl(), bulkFirst, BULK_ITEMS);
            progress = JobProgress.watch(ledger, job);
            await("a quarter of the bulk job finished").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> ledger.bulk(job).finished() >= BULK_ITEMS / 4);

            Instant faultAt = Instant.now();
            fault.inject(stack);
            Instant faultEnded = Instant.now();
            faultLasted = Duration.between(faultAt, faultEnded);
            await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
            Instant mark = Instant.now();
            Set<UUID> acceptedAroundTheFault = people.accepted();
            List<Long> storedAroundTheFault = ledger.storedUntil(ids(people), mark);
            await("the requests accepted until 2 s after the fault answered, the movies stored until then embedded, the stack serving")
                    .atMost(SETTLE).pollInterval(Duration.ofMillis(200))
                    .until(() -> fault.servesAgain(stack)
                            && ledger.completedRequests(acceptedAroundTheFault) == acceptedAroundTheFault.size()
                            && ledger.withoutVector(storedAroundTheFault) == 0);
            recovery = Duration.between(faultEnded, Instant.now());
            fault.afterRecovery(stack);
            await("the bulk job done").atMost(SETTLE).pollInterval(Duration.ofSeconds(1))
                    .until(() -> "done".equals(ledger.bulk(job).status()));
            jobTook = Duration.between(jobStarted, Instant.now());
        } catch (Throwable failure) {
            people.close();
            if (progress != null) {
                progress.close();
            }
            try {
                stack.awaitWhole();
            } catch (RuntimeException notWhole) {
                failure.addSuppressed(notWhole);
            }
            throw failure;
        }
        people.close();
        progress.close();
        stack.awaitWhole();

        Set<UUID> accepted = people.accepted();
        List<Long> bulkIds = LongStream.range(bulkFirst, bulkFirst + BULK_ITEMS).boxed().toList();
        List<Long> all = Stream.concat(bulkIds.stream(), ids(people).stream()).toList();
        settled(() -> ledger.completedRequests(accepted) == accepted.size() && ledger.withoutVector(all) == 0);
        long completed = ledger.completedRequests(accepted);
        long done = ledger.doneRequests(accepted);
        long withoutVector = ledger.withoutVector(all);
        Ledger.BulkState bulk = ledger.bulk(job);
        Map<UUID, List<String>> announced = Announcements.perRequest(stack.kafkaBootstrap(), accepted);
        long conflicting = Announcements.conflicting(announced);
        long repeated = Announcements.repeated(announced);
        Map<Long, Long> served = Ledger.count(servedMovies(stack, all));
        long fetchedAgain = Ledger.fetchedAgain(served);

        new ScenarioReport(fault.name(), people.sent() + BULK_ITEMS, accepted.size() + bulk.items(),
                completed + bulk.finished(), (accepted.size() - completed) + (BULK_ITEMS - bulk.finished()) + withoutVector,
                conflicting, fetchedAgain, recovery, String.format(Locale.ROOT,
                "fault lasted %.1f s; answers %s, %d of them failed with a code; %d announced again with the same outcome; bulk job %s in %.0f s (watched %d times)",
                faultLasted.toMillis() / 1000.0, people.answers(), completed - done, repeated, bulk.status(), jobTook.toMillis() / 1000.0, progress.looks())).publish();

        assertThat(accepted).as("requests the api accepted").isNotEmpty();
        assertThat(completed).as("accepted requests done or failed").isEqualTo(accepted.size());
        assertThat(bulk.items()).as("the job's items").isEqualTo(BULK_ITEMS);
        assertThat(bulk.finished()).as("the job's items finished").isEqualTo(BULK_ITEMS);
        assertThat(ledger.stored(bulkIds)).as("the job's movies stored").isEqualTo(BULK_ITEMS);
        assertThat(withoutVector).as("stored movies without a vector").isZero();
        progress.assertNeverWentBack();
        assertThat(announced.keySet()).as("every completed request announced").hasSize(accepted.size());
        assertThat(conflicting).as("requests announced with two different outcomes").isZero();
        assertThat(repeated).as("requests announced again with the same outcome: only those redelivered, what was in hand at the fault")
                .isLessThanOrEqualTo(fault.mostFetchedAgain());
        assertThat(served).as("movies the provider served").hasSizeGreaterThanOrEqualTo(BULK_ITEMS + Math.toIntExact(done));
        assertThat(fetchedAgain).as("movies fetched again: only those in hand at the fault").isLessThanOrEqualTo(fault.mostFetchedAgain());
        fault.verify(stack);
    }

    private List<Long> ids(MixedLoad people) {
        return people.ids(firstId);
    }

    /** Waits up to {@link #SETTLE} for {@code condition}; what is still missing then is counted, not thrown. */
    private static void settled(BooleanSupplier condition) {
        try {
            await().atMost(SETTLE).pollInterval(Duration.ofMillis(500)).until(condition::getAsBoolean);
        } catch (ConditionTimeoutException countedAsLost) {
            // The ledger reports it.
        }
    }

    /** The ids of the movies among {@code ours} the simulator served (200), once per time served. */
    static List<Long> servedMovies(FaultStack stack, List<Long> ours) {
        Set<Long> wanted = new HashSet<>(ours);
        return stack.providers.requests().requests("/tmdb/3/movie/\\d+").stream()
                .filter(request -> request.status() == 200)
                .map(LoggedRequest::path)
                .map(path -> Long.parseLong(path.substring(path.lastIndexOf('/') + 1)))
                .filter(wanted::contains)
                .toList();
    }
}
