package com.trackgeek.contracts;

import java.util.UUID;

/**
 * What every message carries.
 *
 * <p>JSON conventions: field names as in the records, enums by name, instants as ISO-8601 strings in
 * UTC, absent optional values omitted. Readers ignore fields they do not know (a newer producer may
 * add some) and reject a {@link #schemaVersion()} above the one they support: such a message goes to
 * the dead-letter topic with code {@link ErrorCode#MALFORMED_MESSAGE}.
 */
public interface Message {

    /** The schema version every producer in this build writes. */
    int SCHEMA_VERSION = 1;

    int schemaVersion();

    /** The sync request this message belongs to; the API reports its status under this id. */
    UUID requestId();

    MediaKey item();

    /** True when this reader understands the message's schema version. */
    default boolean isSupportedVersion() {
        return schemaVersion() >= 1 && schemaVersion() <= SCHEMA_VERSION;
    }
}
