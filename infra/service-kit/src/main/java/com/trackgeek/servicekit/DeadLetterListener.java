package com.trackgeek.servicekit;

import com.trackgeek.contracts.ErrorCode;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Told about every record a consumer gives up on, before it is published to the dead-letter topic: lets the
 * service that owns the work behind the record end it properly (a sync command's request marked failed and
 * announced), so nothing waits forever for a record nobody will process.
 *
 * <p>Throwing here (PostgreSQL down, say) keeps the record where it is: it is retried, not dead-lettered.
 */
public interface DeadLetterListener {

    /**
     * @param record the record as consumed (raw bytes as value)
     * @param code   the code the dead-letter record carries
     * @param reason the one-line reason it carries
     */
    void deadLettered(ConsumerRecord<?, ?> record, ErrorCode code, String reason);
}
