package com.trackgeek.pipeline;

import com.trackgeek.contracts.MediaType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 100 anime requested at once: Jikan, counting on its side, never sees more than either configured window
 * allows (scaled to 40/s and 400/10s) and never answers 429. How close the workers come to the allowed rate is a
 * speed figure, not a property a test on a shared machine can hold: {@code infra/benchmarks/bulk.sh} measures it
 * (P1); this test only prints the rate it saw.
 */
class ProviderLimitsUnderLoadTest {

    private final Pipeline pipeline = Pipeline.get();

    @Test
    void aHundredItemsRequestedAtOnceStayWithinBothWindows() {
        Set<Long> ids = Set.copyOf(LongStream.rangeClosed(800_001, 800_100).boxed().toList());

        var answers = ApiCalls.getConcurrently(ids.stream().map(id -> pipeline.apiUrl() + "/api/v1/anime/" + id + "?wait=PT0S").toList());
        for (var answer : answers) {
            assertThat(answer.status()).as("accepted").isEqualTo(202);
            assertThat(answer.location()).startsWith("/api/v1/sync-requests/");
        }
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> Database.storedItems(MediaType.ANIME, ids) == 100);

        var requests = pipeline.providers.requests().requests(Pipeline.JIKAN_PATH + "/anime/8000(0[1-9]|[1-9][0-9])/.*|"
                + Pipeline.JIKAN_PATH + "/anime/800100/.*");
        assertThat(requests).as("four calls per anime").hasSize(400);
        assertThat(requests).as("Jikan never had to refuse one").noneMatch(request -> request.status() == 429);
        List<Long> arrivals = requests.stream().map(request -> request.arrivedAt().toEpochMilli()).sorted().toList();
        assertThat(RequestWindows.maxInAnyWindow(arrivals, Duration.ofSeconds(1))).isLessThanOrEqualTo(Pipeline.LIMIT_PER_SECOND);
        assertThat(RequestWindows.maxInAnyWindow(arrivals, Duration.ofSeconds(10))).isLessThanOrEqualTo(Pipeline.LIMIT_PER_TEN_SECONDS);

        double seconds = (arrivals.getLast() - arrivals.getFirst()) / 1000.0;
        double rate = (arrivals.size() - 1) / seconds;
        System.out.printf("400 Jikan requests in %.1f s: %.1f req/s against an allowed %d req/s (%.0f%%)%n",
                seconds, rate, Pipeline.LIMIT_PER_SECOND, 100 * rate / Pipeline.LIMIT_PER_SECOND);
    }
}
