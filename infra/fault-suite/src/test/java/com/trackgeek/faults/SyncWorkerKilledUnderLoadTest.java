package com.trackgeek.faults;

import com.trackgeek.simulator.LoggedRequest;
import com.trackgeek.testsupport.ChildJvm;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code kill -9} of one of the two sync-worker replicas in the middle of a 2,000-movie bulk job, with people
 * fetching other movies meanwhile: the other replica takes the killed one's partitions once its session times out,
 * every request the api accepted is done or failed, the job finishes with every movie, nothing is announced twice,
 * and only what the killed replica had in hand is fetched a second time. The killed replica is started again
 * afterwards, as an orchestrator would, so the stack is whole for the next scenario.
 */
class SyncWorkerKilledUnderLoadTest {

    /** Movie ids no other scenario uses: the simulator makes up a movie for any id up to 1,000,000. */
    private static final long INTERACTIVE_FIRST = 700_001L;
    private static final long BULK_FIRST = 800_001L;
    private static final int BULK_ITEMS = 2_000;
    private static final int PEOPLE_PER_SECOND = 5;
    /**
     * The most movies a killed replica can have had in hand: its bulk-work consumers (3) each holding one batch of
     * single-fetch-batch (5) movies, its interactive consumers (3) one request each.
     */
    private static final int MOST_IN_HAND = 3 * 5 + 3;
    private static final Duration SETTLE = Duration.ofMinutes(4);

    private final FaultStack stack = FaultStack.get();
    private final Ledger ledger = new Ledger(stack.database());

    @Test
    void aReplicaKilledMidJobLosesNothingAndDoesNothingTwice() throws Exception {
        ServiceProcess victim = stack.syncWorkers.getFirst();
        MixedLoad people = MixedLoad.interactive(stack.apiUrl(), INTERACTIVE_FIRST, PEOPLE_PER_SECOND);
        UUID job;
        Duration recovery;
        try {
            job = MixedLoad.bulkJob(stack.apiUrl(), BULK_FIRST, BULK_ITEMS);
            await("a quarter of the bulk job finished").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> ledger.bulk(job).finished() >= BULK_ITEMS / 4);

            assertThat(victim.killNine()).as("ended by SIGKILL").isEqualTo(ChildJvm.KILLED_BY_SIGKILL);
            Instant killedAt = Instant.now();
            // Recovered: every request accepted until 2 s after the kill is answered, those queued on the killed
            // replica's partitions included (they wait for its session to time out and the group to rebalance).
            await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
            Set<UUID> acceptedAroundTheKill = people.accepted();
            await("the requests accepted until 2 s after the kill are answered").atMost(SETTLE).pollInterval(Duration.ofMillis(200))
                    .until(() -> ledger.completedRequests(acceptedAroundTheKill) == acceptedAroundTheKill.size());
            recovery = Duration.between(killedAt, Instant.now());

            victim.restart().awaitHealthy(Duration.ofMinutes(4));
            await("the bulk job done").atMost(SETTLE).pollInterval(Duration.ofSeconds(1))
                    .until(() -> "done".equals(ledger.bulk(job).status()));
        } finally {
            people.close();
            if (!victim.healthy()) {
                victim.restart().awaitHealthy(Duration.ofMinutes(4));
            }
        }

        Set<UUID> accepted = people.accepted();
        settled(() -> ledger.completedRequests(accepted) == accepted.size());
        long completed = ledger.completedRequests(accepted);
        Ledger.BulkState bulk = ledger.bulk(job);
        Map<UUID, Integer> announced = Announcements.perRequest(stack.kafkaBootstrap(), accepted);
        long announcedTwice = announced.values().stream().filter(times -> times > 1).count();
        List<Long> bulkIds = LongStream.range(BULK_FIRST, BULK_FIRST + BULK_ITEMS).boxed().toList();
        Map<Long, Long> served = Ledger.count(servedMovies(bulkIds, people.ids(INTERACTIVE_FIRST)));
        long fetchedAgain = Ledger.fetchedAgain(served);

        new ScenarioReport("kill -9 of a sync-worker replica", people.sent() + BULK_ITEMS, accepted.size() + bulk.items(),
                completed + bulk.finished(), (accepted.size() - completed) + (BULK_ITEMS - bulk.finished()), announcedTwice,
                fetchedAgain, recovery, "answers " + people.answers() + ", bulk job " + bulk.status()).publish();

        assertThat(accepted).as("requests the api accepted").isNotEmpty();
        assertThat(completed).as("accepted requests done or failed").isEqualTo(accepted.size());
        assertThat(bulk.items()).as("the job's items").isEqualTo(BULK_ITEMS);
        assertThat(bulk.finished()).as("the job's items finished").isEqualTo(BULK_ITEMS);
        assertThat(ledger.stored(bulkIds)).as("the job's movies stored").isEqualTo(BULK_ITEMS);
        assertThat(announced.keySet()).as("every completed request announced").hasSize(accepted.size());
        assertThat(announcedTwice).as("requests announced twice").isZero();
        assertThat(served).as("movies the provider served").hasSizeGreaterThanOrEqualTo(BULK_ITEMS + accepted.size());
        assertThat(fetchedAgain).as("movies fetched again: only those in hand at the kill").isLessThanOrEqualTo(MOST_IN_HAND);
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
    private List<Long> servedMovies(List<Long> bulk, List<Long> interactive) {
        Set<Long> ours = new HashSet<>(bulk);
        ours.addAll(interactive);
        return stack.providers.requests().requests("/tmdb/3/movie/\\d+").stream()
                .filter(request -> request.status() == 200)
                .map(LoggedRequest::path)
                .map(path -> Long.parseLong(path.substring(path.lastIndexOf('/') + 1)))
                .filter(ours::contains)
                .toList();
    }
}
