package com.trackgeek.sync.search;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.Message;
import com.trackgeek.contracts.ProviderSearchRequested;
import com.trackgeek.contracts.Topics;
import com.trackgeek.sync.SharedSimulator;
import com.trackgeek.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static com.trackgeek.contracts.MediaType.ANIME;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider search the consumer gives up on ends on the searches' dead-letter topic, and its row ends too:
 * failed with the dead letter's code, so the searches waiting on it stop instead of waiting out the row's
 * running bound.
 */
class GivenUpProviderSearchIntegrationTest extends AbstractSearchIntegrationTest {

    private static final String DEAD_LETTERS = Topics.deadLetter(Topics.PROVIDER_SEARCHES);

    @Test
    void aCommandOfAnUnsupportedSchemaVersionIsDeadLetteredAndItsRowFailsAsMalformedWithoutAProviderCall() {
        var poison = new ProviderSearchRequested(Message.SCHEMA_VERSION + 98, UUID.randomUUID(), ANIME,
                uniqueQuery("mushishi from the future"), 1, PAGE_SIZE, Instant.now());
        assertThat(poison.schemaVersion()).isEqualTo(99);
        claim(poison);
        int callsBefore = calls(SharedSimulator.jikanPath("anime"));

        try (var deadLetters = probe(DEAD_LETTERS)) {
            publish(poison);

            var dead = deadLetters.await(r -> r.value().contains(poison.searchId().toString()), PATIENCE);
            assertThat(TopicProbe.header(dead, "trackgeek-dlt-code")).isEqualTo(ErrorCode.MALFORMED_MESSAGE.name());
        }
        var row = awaitAnswer(poison);
        assertThat(row.status()).isEqualTo("failed");
        assertThat(row.errorCode()).isEqualTo(ErrorCode.MALFORMED_MESSAGE.name());
        assertThat(row.errorDetail()).contains("unsupported schema version 99");
        assertThat(row.providerIds()).isNull();
        assertThat(calls(SharedSimulator.jikanPath("anime"))).isEqualTo(callsBefore);
    }
}
