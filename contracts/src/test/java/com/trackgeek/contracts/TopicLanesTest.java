package com.trackgeek.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every topic belongs to a named lane, the tag queue metrics, dashboards and alerts group by. */
class TopicLanesTest {

    @Test
    void work_a_person_waits_for_is_interactive_and_everything_else_has_its_own_lane() {
        assertThat(Topics.lane(Topics.SYNC_REQUESTS_INTERACTIVE)).isEqualTo("interactive");
        assertThat(Topics.lane(Topics.PROVIDER_SEARCHES)).isEqualTo("interactive");
        assertThat(Topics.lane(Topics.SYNC_REQUESTS_BULK)).isEqualTo("bulk");
        assertThat(Topics.lane(Topics.BULK_COMMANDS)).isEqualTo("bulk");
        assertThat(Topics.lane(Topics.BULK_WORK)).isEqualTo("bulk");
        assertThat(Topics.lane(Topics.SYNC_EVENTS)).isEqualTo("events");
        assertThat(Topics.lane(Topics.EMBEDDING_REQUESTS_HIGH)).isEqualTo("embedding-high");
        assertThat(Topics.lane(Topics.EMBEDDING_REQUESTS_LOW)).isEqualTo("embedding-low");
    }

    @Test
    void every_dead_letter_topic_is_in_the_dead_letter_lane() {
        assertThat(Topics.ALL).allSatisfy(topic ->
                assertThat(Topics.lane(Topics.deadLetter(topic))).isEqualTo("dead-letter"));
    }

    @Test
    void no_pipeline_topic_falls_outside_the_lanes() {
        assertThat(Topics.ALL).allSatisfy(topic -> assertThat(Topics.lane(topic)).isNotEqualTo("other"));
    }
}
