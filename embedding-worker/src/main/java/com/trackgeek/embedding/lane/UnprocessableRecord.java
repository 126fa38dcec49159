package com.trackgeek.embedding.lane;

import com.trackgeek.contracts.EmbeddingRequested;
import com.trackgeek.contracts.Message;
import com.trackgeek.servicekit.DeadLetterReason;
import org.springframework.kafka.support.converter.ConversionException;

import java.util.List;
import java.util.Optional;

/** A record the worker cannot process whatever it retries (unreadable, or of a schema version it does not know), and why. */
record UnprocessableRecord(int index, String reason) {

    /**
     * The first such record of a batch.
     *
     * @param conversionFailures the batch's {@code kafka_conversionFailures} header: one entry per record, null where
     *                           the record converted (a record that did not is null in {@code requests})
     */
    static Optional<UnprocessableRecord> firstIn(List<EmbeddingRequested> requests, List<ConversionException> conversionFailures) {
        for (int i = 0; i < requests.size(); i++) {
            ConversionException failure = conversionFailures == null || i >= conversionFailures.size() ? null : conversionFailures.get(i);
            if (failure != null || requests.get(i) == null) {
                return Optional.of(new UnprocessableRecord(i, "unreadable EmbeddingRequested: "
                        + (failure == null ? "the record has no value (null)" : DeadLetterReason.reasonOf(failure))));
            }
            if (!requests.get(i).isSupportedVersion()) {
                return Optional.of(new UnprocessableRecord(i, unsupportedVersion(requests.get(i))));
            }
        }
        return Optional.empty();
    }

    static String unsupportedVersion(EmbeddingRequested request) {
        return "unsupported schema version " + request.schemaVersion() + " (this reader supports up to "
                + Message.SCHEMA_VERSION + ")";
    }
}
