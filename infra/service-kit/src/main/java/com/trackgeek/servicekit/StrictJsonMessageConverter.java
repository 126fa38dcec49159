package com.trackgeek.servicekit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.converter.ByteArrayJacksonJsonMessageConverter;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Type;

/**
 * The pipeline's JSON conversion of a record's bytes into the listener's parameter type, strict about what is no
 * message at all: a value larger than any message of the pipeline can be ({@code trackgeek.kafka.max-message-size},
 * refused before it is parsed) and the JSON {@code null}. Each fails as unreadable, with a reason that says which, so
 * it goes to the dead-letter topic at once; a batch listener sees it among its conversion failures, where the JSON
 * {@code null} used to fail the whole batch ("Payload must not be null") and so dead-letter its valid neighbours, and
 * a valid message padded to the broker's 1 MB would be processed as if nothing were wrong. A record without a value
 * stays Spring Kafka's {@code KafkaNull}: a record listener refuses it as an empty payload, a batch listener finds it
 * null in its list (a conversion failure there would fail the whole batch).
 */
final class StrictJsonMessageConverter extends ByteArrayJacksonJsonMessageConverter {

    private final DataSize maxMessageSize;

    StrictJsonMessageConverter(JsonMapper jsonMapper, DataSize maxMessageSize) {
        super(jsonMapper);
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    protected Object extractAndConvertValue(ConsumerRecord<?, ?> record, Type type) {
        if (record.value() instanceof byte[] bytes && bytes.length > maxMessageSize.toBytes()) {
            throw new ConversionException("message of " + bytes.length + " bytes is larger than any message of "
                    + record.topic() + " can be (trackgeek.kafka.max-message-size " + maxMessageSize.toBytes() + " bytes)", record, null);
        }
        Object value = super.extractAndConvertValue(record, type);
        if (value == null) {
            throw new ConversionException("the value is the JSON null: no message of " + record.topic(), record, null);
        }
        return value;
    }
}
