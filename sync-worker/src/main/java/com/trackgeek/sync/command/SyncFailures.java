package com.trackgeek.sync.command;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.SyncRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Counts every sync command that ended failed, by its {@link ErrorCode}: the provider's answer (not found, gone,
 * unavailable), the drift alarm's refusal, or the consumer giving up on it (a dead letter). A command whose
 * recorded failure is only announced again (a redelivery) is not counted twice. Error rates by code come from
 * here; {@code trackgeek.sync.duration} says how long each outcome took.
 */
@Component
class SyncFailures {

    private final MeterRegistry registry;

    SyncFailures(MeterRegistry registry) {
        this.registry = registry;
    }

    void failed(SyncRequest request, ErrorCode code) {
        Counter.builder("trackgeek.sync.failures")
                .description("Sync commands that ended failed, by error code")
                .tag("type", request.item().type().name())
                .tag("lane", request.lane().name().toLowerCase(Locale.ROOT))
                .tag("code", code.name())
                .register(registry)
                .increment();
    }
}
