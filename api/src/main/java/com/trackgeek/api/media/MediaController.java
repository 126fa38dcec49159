package com.trackgeek.api.media;

import com.trackgeek.api.ApiPaths;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/**
 * {@code GET /api/v1/{type}/{id}}: the stored item (200), or, when it is not stored yet, the item once synced
 * within {@code wait} (200) or its sync request (202 with {@code Location}).
 */
@RestController
final class MediaController {

    // Only the six media types' path segments route here; anything else is an unknown path (404).
    static final String ITEM_PATH = ApiPaths.PREFIX + "/{type:anime|manga|movie|tv|game|book}/{id}";

    private final ItemFetcher fetcher;
    private final FetchProperties properties;

    MediaController(ItemFetcher fetcher, FetchProperties properties) {
        this.fetcher = fetcher;
        this.properties = properties;
    }

    @GetMapping(ITEM_PATH)
    ResponseEntity<?> get(@PathVariable String type, @PathVariable String id,
                          @RequestParam(required = false) String wait) {
        MediaType mediaType = MediaType.fromPathSegment(type).orElseThrow();
        MediaKey key = MediaKey.of(mediaType, RequestParameters.providerId(id));
        Duration waitFor = RequestParameters.wait(wait, properties.defaultWait(), properties.maxWait());
        return switch (fetcher.fetch(key, waitFor)) {
            case FetchResult.Found found -> ResponseEntity.ok(found.item());
            case FetchResult.Accepted accepted -> ResponseEntity.accepted()
                    .location(accepted.request().links().self())
                    .body(accepted.request());
        };
    }
}
