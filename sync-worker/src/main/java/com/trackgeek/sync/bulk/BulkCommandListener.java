package com.trackgeek.sync.bulk;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.Message;
import com.trackgeek.contracts.Topics;
import com.trackgeek.contracts.bulk.BulkSyncRequested;
import com.trackgeek.servicekit.UnprocessableMessageException;
import com.trackgeek.sync.ratelimit.WorkLane;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes bulk commands, from any producer and from the API alike, in a container of their own: taking one only
 * records the job and sends its first page, so commands never wait behind a job's work. The offset is committed
 * after the job is recorded and its first page is in Kafka.
 */
@Component
class BulkCommandListener {

    private final JobExpansion expansion;

    BulkCommandListener(JobExpansion expansion) {
        this.expansion = expansion;
    }

    @KafkaListener(id = "bulk-commands", idIsGroup = false, topics = Topics.BULK_COMMANDS)
    void onCommand(BulkSyncRequested command) {
        if (!command.isSupportedVersion()) {
            throw new UnprocessableMessageException(ErrorCode.MALFORMED_MESSAGE,
                    "unsupported schema version " + command.schemaVersion() + " (this worker reads up to "
                            + Message.SCHEMA_VERSION + ")");
        }
        WorkLane.BULK.run(() -> expansion.start(command));
    }
}
