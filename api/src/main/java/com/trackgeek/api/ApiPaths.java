package com.trackgeek.api;

import com.trackgeek.contracts.MediaKey;

import java.net.URI;
import java.util.UUID;

/** The API's own addresses, where one resource links to another (Location headers, links in bodies). */
public final class ApiPaths {

    public static final String PREFIX = "/api/v1";
    public static final String BULK_SYNCS = PREFIX + "/bulk-syncs";

    private ApiPaths() {
    }

    public static URI item(MediaKey key) {
        return URI.create(PREFIX + "/" + key.type().pathSegment() + "/" + key.id());
    }

    public static URI syncRequest(UUID id) {
        return URI.create(PREFIX + "/sync-requests/" + id);
    }

    public static URI bulkSync(UUID id) {
        return URI.create(BULK_SYNCS + "/" + id);
    }
}
