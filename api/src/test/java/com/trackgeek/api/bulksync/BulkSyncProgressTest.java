package com.trackgeek.api.bulksync;

import com.trackgeek.api.ApiIntegrationTest;
import com.trackgeek.contracts.bulk.BulkItemOutcome;
import com.trackgeek.contracts.bulk.BulkJobStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What {@code GET /api/v1/bulk-syncs...} makes of the rows the worker writes: counts per outcome, the pace over the
 * last five minutes, the time left, provider calls per fetched item; jobs and items listed page by page.
 */
class BulkSyncProgressTest extends ApiIntegrationTest {

    private WorkerRows rows;

    @BeforeEach
    void rows() {
        rows = new WorkerRows(jdbc);
    }

    @Test
    void aJobStillExpandingShowsItsCountsItsPaceOverTheLastFiveMinutesAndATimeLeftFromTheProvidersTotal() {
        UUID job = rows.job(BulkJobStatus.EXPANDING, Duration.ofMinutes(10), false, 100L, 30);
        rows.items(job, 1, 20, BulkItemOutcome.STORED, Duration.ofMinutes(8)); // before the window
        rows.items(job, 101, 10, BulkItemOutcome.STORED, Duration.ofMinutes(2));
        rows.items(job, 201, 5, BulkItemOutcome.UNCHANGED, Duration.ofMinutes(1));
        rows.items(job, 301, 5, BulkItemOutcome.SKIPPED_FRESH, Duration.ofMinutes(1));
        rows.items(job, 401, 2, BulkItemOutcome.NOT_FOUND, Duration.ofMinutes(1));
        rows.items(job, 501, 3, BulkItemOutcome.FAILED, Duration.ofMinutes(1));
        rows.items(job, 601, 15, null, null);

        JsonNode view = view(job);

        assertThat(view.get("status").asString()).isEqualTo("expanding");
        assertThat(view.get("source").asString()).isEqualTo("kafka");
        assertThat(view.get("total").asLong()).isEqualTo(60);
        assertThat(view.get("totalFinal").asBoolean()).isFalse();
        assertThat(view.get("providerTotal").asLong()).isEqualTo(100);
        assertThat(view.get("done").asLong()).isEqualTo(45);
        assertThat(view.get("pending").asLong()).isEqualTo(15);
        var outcomes = view.get("outcomes");
        assertThat(List.of(outcomes.get("stored").asLong(), outcomes.get("unchanged").asLong(),
                outcomes.get("skippedFresh").asLong(), outcomes.get("notFound").asLong(), outcomes.get("failed").asLong(),
                outcomes.get("cancelled").asLong())).containsExactly(30L, 5L, 5L, 2L, 3L, 0L);
        assertThat(view.get("percentDone").asDouble()).as("45 of the provider's 100").isEqualTo(45.0);
        assertThat(view.get("itemsPerMinute").asDouble()).as("25 items in the last 5 minutes").isEqualTo(5.0);
        assertThat(view.get("estimatedSecondsLeft").asLong()).as("55 items left at 5 a minute").isEqualTo(660);
        assertThat(Instant.parse(view.get("estimatedCompletionAt").asString()))
                .isCloseTo(Instant.now().plusSeconds(660), within(Duration.ofSeconds(30)));
        assertThat(view.get("providerCalls").asLong()).isEqualTo(30);
        assertThat(view.get("providerCallsPerFetchedItem").asDouble()).as("30 calls, 35 stored or unchanged")
                .isEqualTo(0.857);
        assertThat(view.get("requestedBy").asString()).isEqualTo("nightly");
        assertThat(view.at("/selector/kind").asString()).isEqualTo("TOP");
    }

    @Test
    void aJobYoungerThanTheWindowIsPacedSinceItStartedAndOnceFullyListedByItsPendingItems() {
        UUID job = rows.job(BulkJobStatus.RUNNING, Duration.ofMinutes(2), true, null, 3);
        rows.items(job, 1, 12, BulkItemOutcome.STORED, Duration.ofMinutes(1));
        rows.items(job, 13, 8, null, null);

        JsonNode view = view(job);

        assertThat(view.get("totalFinal").asBoolean()).isTrue();
        assertThat(view.get("providerTotal").isNull()).isTrue();
        assertThat(view.get("percentDone").asDouble()).isEqualTo(60.0);
        assertThat(view.get("itemsPerMinute").asDouble()).as("12 items in 2 minutes").isCloseTo(6.0, within(0.2));
        assertThat(view.get("estimatedSecondsLeft").asLong()).as("8 items at 6 a minute").isBetween(78L, 82L);
        assertThat(view.get("providerCallsPerFetchedItem").asDouble()).isEqualTo(0.25);
    }

    @Test
    void whatIsNotKnownIsNullRatherThanAGuess() {
        UUID expanding = rows.job(BulkJobStatus.EXPANDING, Duration.ofMinutes(3), false, null, 1);
        rows.items(expanding, 1, 4, BulkItemOutcome.SKIPPED_FRESH, Duration.ofMinutes(1));
        rows.items(expanding, 5, 4, null, null);

        JsonNode unknownTotal = view(expanding);
        assertThat(unknownTotal.get("percentDone").isNull()).as("no final total, no provider total").isTrue();
        assertThat(unknownTotal.get("itemsPerMinute").asDouble()).isGreaterThan(0);
        assertThat(unknownTotal.get("estimatedSecondsLeft").isNull()).isTrue();
        assertThat(unknownTotal.get("estimatedCompletionAt").isNull()).isTrue();
        assertThat(unknownTotal.get("providerCallsPerFetchedItem").isNull()).as("nothing fetched yet").isTrue();

        UUID stalled = rows.job(BulkJobStatus.RUNNING, Duration.ofMinutes(30), true, null, 0);
        rows.items(stalled, 1, 2, BulkItemOutcome.STORED, Duration.ofMinutes(20));
        rows.items(stalled, 3, 2, null, null);
        JsonNode noPace = view(stalled);
        assertThat(noPace.get("itemsPerMinute").asDouble()).isZero();
        assertThat(noPace.get("estimatedSecondsLeft").isNull()).as("no pace, no estimate").isTrue();

        UUID done = rows.job(BulkJobStatus.DONE, Duration.ofMinutes(4), true, null, 2);
        rows.items(done, 1, 2, BulkItemOutcome.STORED, Duration.ofMinutes(1));
        JsonNode finished = view(done);
        assertThat(finished.get("percentDone").asDouble()).isEqualTo(100.0);
        assertThat(finished.get("finishedAt").isNull()).isFalse();
        assertThat(finished.get("estimatedSecondsLeft").isNull()).as("nothing left to estimate").isTrue();
    }

    @Test
    void jobsAreListedNewestFirstPageByPageAndByStatus() {
        UUID first = rows.job(BulkJobStatus.FAILED, Duration.ofMinutes(1), false, null, 0);
        UUID second = rows.job(BulkJobStatus.FAILED, Duration.ofMinutes(1), false, null, 0);
        UUID third = rows.job(BulkJobStatus.FAILED, Duration.ofMinutes(1), false, null, 0);

        var page0 = json(get("/api/v1/bulk-syncs?status=failed&size=2"));
        var page1 = json(get("/api/v1/bulk-syncs?status=failed&page=1&size=2"));

        assertThat(ids(page0)).containsExactly(third.toString(), second.toString());
        assertThat(ids(page1).getFirst()).isEqualTo(first.toString());
        assertThat(page0.get("page").asInt()).isZero();
        assertThat(page0.get("size").asInt()).isEqualTo(2);
        assertThat(page0.get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(page0.get("items").valueStream()).allMatch(job -> job.get("status").asString().equals("failed"));
        assertThat(json(get("/api/v1/bulk-syncs")).get("size").asInt()).as("the default page").isEqualTo(20);

        assertProblem(get("/api/v1/bulk-syncs?status=sleeping"), 400, "INVALID_PARAMETER");
        assertProblem(get("/api/v1/bulk-syncs?size=101"), 400, "INVALID_PARAMETER");
        assertProblem(get("/api/v1/bulk-syncs?size=0"), 400, "INVALID_PARAMETER");
        assertProblem(get("/api/v1/bulk-syncs?page=-1"), 400, "INVALID_PARAMETER");
    }

    @Test
    void aJobsItemsAreListedInTheJobsOrderAndFilteredByOutcomeToShowWhichFailedAndWhy() {
        UUID job = rows.job(BulkJobStatus.RUNNING, Duration.ofMinutes(1), true, null, 5);
        rows.items(job, 1, 3, BulkItemOutcome.STORED, Duration.ofSeconds(30));
        rows.items(job, 4, 2, BulkItemOutcome.FAILED, Duration.ofSeconds(20));
        rows.items(job, 6, 2, null, null);

        var failed = json(get("/api/v1/bulk-syncs/" + job + "/items?outcome=failed"));
        assertThat(failed.get("total").asLong()).isEqualTo(2);
        assertThat(failed.get("size").asInt()).isEqualTo(100);
        assertThat(failed.get("items").valueStream().map(item -> item.get("providerId").asLong())).containsExactly(4L, 5L);
        var item = failed.at("/items/0");
        assertThat(item.get("outcome").asString()).isEqualTo("failed");
        assertThat(item.get("errorCode").asString()).isEqualTo("PROVIDER_PAYLOAD_INVALID");
        assertThat(item.get("errorDetail").asString()).isEqualTo("no title in item 4");
        assertThat(item.get("finishedAt").isNull()).isFalse();

        var pending = json(get("/api/v1/bulk-syncs/" + job + "/items?outcome=pending"));
        assertThat(pending.get("items").valueStream().map(each -> each.get("providerId").asLong())).containsExactly(6L, 7L);
        assertThat(pending.at("/items/0/outcome").isNull()).isTrue();

        var lastPage = json(get("/api/v1/bulk-syncs/" + job + "/items?page=2&size=3"));
        assertThat(lastPage.get("total").asLong()).isEqualTo(7);
        assertThat(lastPage.get("items").valueStream().map(each -> each.get("providerId").asLong())).containsExactly(7L);

        assertProblem(get("/api/v1/bulk-syncs/" + job + "/items?outcome=lost"), 400, "INVALID_PARAMETER");
    }

    @Test
    void anUnknownJobIs404AndAnIdThatIsNoUuidIs400() {
        UUID unknown = UUID.randomUUID();

        assertProblem(get("/api/v1/bulk-syncs/" + unknown), 404, "BULK_JOB_NOT_FOUND");
        assertThat(json(get("/api/v1/bulk-syncs/" + unknown)).get("detail").asString()).contains(unknown.toString());
        assertProblem(get("/api/v1/bulk-syncs/" + unknown + "/items"), 404, "BULK_JOB_NOT_FOUND");
        assertProblem(get("/api/v1/bulk-syncs/not-a-job"), 400, "INVALID_PARAMETER");
    }

    private JsonNode view(UUID job) {
        var response = get("/api/v1/bulk-syncs/" + job);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(job -> job.get("id").asString()).toList();
    }
}
