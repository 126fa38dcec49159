package com.trackgeek.api.media;

import com.trackgeek.api.ApiPaths;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/**
 * {@code GET /api/v1/{type}/{id}}: the stored item (200), or, when it is not stored yet, the item once synced
 * within {@code wait} (200) or its sync request (202 with {@code Location}). Items already in memory are
 * mostly answered by {@link CachedItemFilter} before this runs; this is the path for everything else, with
 * the same body, {@code ETag} and conditional answers ({@link IfNoneMatch}).
 */
@RestController
final class MediaController {

    // Only the six media types' path segments route here; anything else is an unknown path (404).
    static final String ITEM_PATH = ApiPaths.PREFIX + "/{type:anime|manga|movie|tv|game|book}/{id}";

    private final ItemFetcher fetcher;
    private final FetchProperties properties;
    private final StaleWhileRevalidate freshness;

    MediaController(ItemFetcher fetcher, FetchProperties properties, StaleWhileRevalidate freshness) {
        this.fetcher = fetcher;
        this.properties = properties;
        this.freshness = freshness;
    }

    @Operation(summary = "An item by its provider id",
            description = "The stored item: its catalog record's fields, then lastRefreshedAt, createdAt, updatedAt"
                    + " and sync. Not stored yet: fetched while the caller waits up to `wait`, else 202 with the"
                    + " sync request to follow. Types not served by this deployment answer 503"
                    + " MEDIA_TYPE_NOT_SUPPORTED; types whose provider has no credentials configured answer 503"
                    + " <PROVIDER>_NOT_CONFIGURED (TMDB_NOT_CONFIGURED, ...). A stored item past its freshness"
                    + " threshold is answered at once with its stored data, marked stale (header X-TrackGeek-Stale:"
                    + " true, sync.stale, sync.staleAfter), and one refresh is queued in the background. An item its"
                    + " provider deleted is answered with its last data, marked gone (header X-TrackGeek-Gone: true,"
                    + " sync.gone, sync.goneAt), and is not refreshed. A read that would start a fetch counts against"
                    + " the client's quota (its API key's, else its address's): past it, 429 QUOTA_EXCEEDED with"
                    + " Retry-After and nothing fetched; stored items are answered all the same.")
    @Parameter(in = ParameterIn.HEADER, name = "If-None-Match", required = false,
            description = "Entity tags (or *) of a copy the caller has: a match answers 304 without a body",
            schema = @Schema(type = "string"))
    @GetMapping(value = ITEM_PATH, produces = org.springframework.http.MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> get(@PathVariable String type, @PathVariable String id,
                          @Parameter(description = "an ISO-8601 duration (PT5S) or seconds (2.5); capped at the maximum")
                          @RequestParam(required = false) String wait,
                          HttpServletRequest request, HttpServletResponse response) {
        MediaType mediaType = MediaType.fromPathSegment(type).orElseThrow();
        MediaKey key = MediaKey.of(mediaType, RequestParameters.providerId(id));
        Duration waitFor = RequestParameters.wait(wait, properties.defaultWait(), properties.maxWait());
        return switch (fetcher.fetch(key, waitFor)) {
            case FetchResult.Found found -> {
                freshness.served(key, found.item(), response);
                yield found(found.item(), request);
            }
            case FetchResult.Accepted accepted -> ResponseEntity.accepted()
                    .location(accepted.request().links().self())
                    .body(accepted.request());
        };
    }

    private static ResponseEntity<?> found(ReadyItem item, HttpServletRequest request) {
        if (IfNoneMatch.isTheOnlyPrecondition(request) && IfNoneMatch.matches(request, item.etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(item.etag()).build();
        }
        // Other preconditions are left to Spring, which evaluates them for a 200 that carries an ETag.
        return ResponseEntity.ok()
                .eTag(item.etag())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(item.body());
    }
}
