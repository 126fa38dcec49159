package com.trackgeek.api.media;

import com.trackgeek.api.problem.ApiException;
import com.trackgeek.api.quota.ClientQuota;
import com.trackgeek.api.quota.QuotaRoute;
import com.trackgeek.api.syncrequest.ItemRefresh;
import com.trackgeek.api.syncrequest.SyncRequestView;
import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/{type}/{id}/refresh}: fetch a stored item again from its provider, on a person's request.
 * Needs an API key with {@code items:refresh} (the security configuration checks it before this runs). Readers
 * keep getting the stored data until the new data is stored.
 */
@RestController
final class RefreshController {

    private static final String PROBLEM = "application/problem+json";

    private final ServedMediaTypes served;
    private final ItemRefresh refresh;
    private final ClientQuota quota;

    RefreshController(ServedMediaTypes served, ItemRefresh refresh, ClientQuota quota) {
        this.served = served;
        this.refresh = refresh;
        this.quota = quota;
    }

    @Operation(summary = "Refresh a stored item from its provider",
            description = "Queues a refresh on the interactive lane and answers its sync request; an item with a"
                    + " sync under way answers that one. Readers get the stored data until the new data is stored.")
    @ApiResponse(responseCode = "202", description = "Queued (or already under way); Location is the sync request",
            headers = @Header(name = "Location", description = "/api/v1/sync-requests/{id}"))
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER: the id is not a positive integer",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "API_KEY_MISSING or API_KEY_INVALID",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "API_KEY_SCOPE_MISSING: the key lacks items:refresh",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "<TYPE>_NOT_FOUND (ANIME_NOT_FOUND, ...): the item is not stored;"
            + " read it to fetch it", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "<TYPE>_ALREADY_REFRESHED (ANIME_ALREADY_REFRESHED, ...): synced"
            + " less than trackgeek.api.refresh.guard (24 h) ago; retryAt (and Retry-After) says from when it can be"
            + " refreshed, lastSyncedAt when it was synced",
            headers = @Header(name = "Retry-After", description = "seconds until retryAt"),
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "429", description = "TOO_MANY_REQUESTS: the key's write limit; QUOTA_EXCEEDED: the"
            + " key's quota of requests that spend provider budget (only a refresh that starts one counts); see"
            + " Retry-After",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "MEDIA_TYPE_NOT_SUPPORTED, or PIPELINE_UNAVAILABLE: Kafka did"
            + " not take the command", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping(value = MediaController.ITEM_PATH + "/refresh",
            produces = org.springframework.http.MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SyncRequestView> refresh(@PathVariable String type, @PathVariable String id) {
        MediaType mediaType = MediaType.fromPathSegment(type).orElseThrow();
        MediaKey key = MediaKey.of(mediaType, RequestParameters.providerId(id));
        if (!served.serves(mediaType)) {
            throw ApiException.of(ErrorCode.MEDIA_TYPE_NOT_SUPPORTED,
                    "Items of type " + type + " are not served by this deployment yet.");
        }
        SyncRequestView request = refresh.request(key, () -> quota.spend(QuotaRoute.REFRESH));
        return ResponseEntity.accepted().location(request.links().self()).body(request);
    }
}
