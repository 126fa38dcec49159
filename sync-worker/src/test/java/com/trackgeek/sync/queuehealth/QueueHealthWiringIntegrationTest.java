package com.trackgeek.sync.queuehealth;

import com.trackgeek.sync.command.AbstractWorkerIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sampler in the running worker: scheduled from start-up, it claims the lease on the worker's database, and the
 * worker exports the queue-health gauges exactly when it holds it (another worker of the test JVM may).
 */
class QueueHealthWiringIntegrationTest extends AbstractWorkerIntegrationTest {

    @Autowired
    QueueHealthSampler sampler;
    @Autowired
    MeterRegistry metrics;

    @Test
    void theWorkerExportsTheGaugesWhenItHoldsTheLeaseAndNoneWhenItDoesNot() {
        await().atMost(PATIENCE).until(() -> leaseHolder() != null);

        boolean holds = sampler.sample();

        assertThat(metrics.find("trackgeek.items").gauges().isEmpty()).isEqualTo(!holds);
        assertThat(metrics.find("trackgeek.sync.requests.oldest.age").gauges().isEmpty()).isEqualTo(!holds);
        assertThat(metrics.find("trackgeek.bulk.jobs.idle.max").gauges().isEmpty()).isEqualTo(!holds);

        // Another instance took the lease: this one withdraws its series at its next run.
        jdbc.sql("update scheduled_lease set holder = 'another-instance', expires_at = now() + interval '1 hour' where name = :name")
                .param("name", QueueHealthSampler.LEASE).update();
        assertThat(sampler.sample()).isFalse();
        assertThat(metrics.find("trackgeek.items").gauges()).isEmpty();

        // And takes it back once the other's has run out (repeatedly: another worker of the JVM may be quicker).
        await().atMost(PATIENCE).until(() -> {
            jdbc.sql("update scheduled_lease set expires_at = now() - interval '1 second' where name = :name")
                    .param("name", QueueHealthSampler.LEASE).update();
            return sampler.sample();
        });
        assertThat(metrics.find("trackgeek.items").gauges()).hasSize(36);
    }

    private String leaseHolder() {
        return jdbc.sql("select holder from scheduled_lease where name = :name").param("name", QueueHealthSampler.LEASE)
                .query(String.class).optional().orElse(null);
    }
}
