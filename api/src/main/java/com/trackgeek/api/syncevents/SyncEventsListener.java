package com.trackgeek.api.syncevents;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.Message;
import com.trackgeek.contracts.SyncEvent;
import com.trackgeek.contracts.Topics;
import com.trackgeek.servicekit.UnprocessableMessageException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every instance hears every sync event (a consumer group of its own, from the latest offset: only what
 * happens while it runs matters) and hands it on as an application event to whoever cares here: the item
 * cache drops the item, waiting callers wake up.
 */
@Component
final class SyncEventsListener {

    static final String LISTENER_ID = "api-sync-events";

    private final ApplicationEventPublisher events;
    private final MeterRegistry registry;

    SyncEventsListener(ApplicationEventPublisher events, MeterRegistry registry) {
        this.events = events;
        this.registry = registry;
    }

    @KafkaListener(id = LISTENER_ID, topics = Topics.SYNC_EVENTS, groupId = "api-${random.uuid}",
            containerFactory = SyncEventsListenerConfiguration.CONTAINER_FACTORY,
            properties = "auto.offset.reset=latest")
    void on(SyncEvent event) {
        if (!event.isSupportedVersion()) {
            throw new UnprocessableMessageException(ErrorCode.MALFORMED_MESSAGE, "unsupported schema version "
                    + event.schemaVersion() + " (this api reads up to " + Message.SCHEMA_VERSION + ")");
        }
        Counter.builder("trackgeek.api.sync.events")
                .description("Sync events received by this instance")
                .tag("event", event.getClass().getSimpleName())
                .register(registry)
                .increment();
        events.publishEvent(event);
    }
}
