package com.trackgeek.sync.queuehealth;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;

/**
 * Wires the queue-health sampler on the application's {@link Clock} (a test moves a simulated one), with a holder id
 * unique to this instance: the host name says which replica holds the lease, the random part keeps two instances on
 * one host (or a restarted one) apart.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class QueueHealthConfiguration {

    @Bean
    QueueHealthSampler queueHealthSampler(JdbcClient jdbc, QueueHealthProperties properties, Clock clock,
                                          MeterRegistry meterRegistry) {
        var lease = new ScheduledLease(jdbc, QueueHealthSampler.LEASE, holderId(), properties.lease());
        return new QueueHealthSampler(new QueueHealthRows(jdbc), lease, clock, properties.enabled(), meterRegistry);
    }

    private static String holderId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            host = "unknown-host";
        }
        return host + "/" + UUID.randomUUID();
    }
}
