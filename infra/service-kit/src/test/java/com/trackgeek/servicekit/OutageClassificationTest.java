package com.trackgeek.servicekit;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class OutageClassificationTest {

    @Test
    void anUnreachableDatabaseOrBrokerIsAnOutageEvenInsideTheListenerWrapper() {
        var database = new ListenerExecutionFailedException("listener failed",
                new CannotGetJdbcConnectionException("no connection", new SQLException("refused")));
        var broker = new ListenerExecutionFailedException("listener failed",
                new PipelineUnavailableException("no ack", new org.apache.kafka.common.errors.TimeoutException("timed out")));

        assertThat(PipelineKafkaAutoConfiguration.isOutage(database)).isTrue();
        assertThat(PipelineKafkaAutoConfiguration.isOutage(broker)).isTrue();
    }

    @Test
    void aBugInsideTheListenerWrapperIsNotAnOutage() {
        var bug = new ListenerExecutionFailedException("listener failed", new IllegalStateException("bug"));

        assertThat(PipelineKafkaAutoConfiguration.isOutage(bug)).isFalse();
    }
}
