package com.trackgeek.api.bulksync;

import com.trackgeek.api.ApiIntegrationTest;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Topics;
import com.trackgeek.contracts.bulk.BulkSelector;
import com.trackgeek.contracts.bulk.BulkSyncRequested;
import com.trackgeek.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job the API recorded but whose command may never have reached Kafka (the instance died between the insert and
 * the publish) is published again once it has been queued for {@code requeue-after} (2 minutes), once per round.
 */
class UnclaimedJobSweeperTest extends ApiIntegrationTest {

    @Autowired
    private UnclaimedJobSweeper sweeper;

    @Test
    void aJobQueuedForTooLongHasItsCommandPublishedAgainOnce() {
        UUID orphan = insertQueued(Duration.ofMinutes(10));
        UUID recent = insertQueued(Duration.ZERO);

        try (TopicProbe commands = BulkSyncStartTest.watch(Topics.BULK_COMMANDS)) {
            sweeper.sweep();

            var record = commands.await(published -> orphan.toString().equals(published.key()), Duration.ofSeconds(10));
            BulkSyncRequested command = json.readValue(record.value(), BulkSyncRequested.class);
            assertThat(command.selector()).isEqualTo(new BulkSelector.Ids(MediaType.GAME, List.of(1942L, 19560L)));
            assertThat(command.requestedBy()).isEqualTo("bulk-operator");

            sweeper.sweep();
            assertThat(commands.drain(Duration.ofMillis(800))).as("once a round; a job recorded just now waits")
                    .noneMatch(published -> orphan.toString().equals(published.key())
                            || recent.toString().equals(published.key()));
        }
    }

    private UUID insertQueued(Duration ago) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into bulk_job (id, selector, media_type, requested_by, source, status, requested_at,
                                              created_at, updated_at)
                        values (:id, '{"kind":"IDS","type":"GAME","ids":[1942,19560]}'::jsonb, 'GAME', 'bulk-operator',
                                'api', 'queued', now() - make_interval(secs => :ago), now() - make_interval(secs => :ago),
                                now() - make_interval(secs => :ago))""")
                .param("id", id)
                .param("ago", (double) ago.toSeconds())
                .update();
        return id;
    }
}
