package com.trackgeek.api.syncrequest;

import com.trackgeek.api.ApiPaths;
import com.trackgeek.api.problem.ApiException;
import com.trackgeek.contracts.ErrorCode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;
import java.util.regex.Pattern;

/** The status of a sync request, where a 202 points its caller. */
@RestController
final class SyncRequestController {

    // UUID.fromString accepts oddities like "1-2-3-4-5"; only the canonical form is an id we ever hand out.
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ItemSync itemSync;

    SyncRequestController(ItemSync itemSync) {
        this.itemSync = itemSync;
    }

    @GetMapping(ApiPaths.PREFIX + "/sync-requests/{id}")
    SyncRequestView get(@PathVariable String id) {
        if (!CANONICAL_UUID.matcher(id).matches()) {
            throw ApiException.invalidParameter("A sync request id is a UUID (8-4-4-4-12 hexadecimal digits).");
        }
        UUID requestId = UUID.fromString(id);
        return itemSync.describe(requestId).orElseThrow(() ->
                ApiException.of(ErrorCode.SYNC_REQUEST_NOT_FOUND, "No sync request has the id " + requestId + "."));
    }
}
