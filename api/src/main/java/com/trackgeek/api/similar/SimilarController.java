package com.trackgeek.api.similar;

import com.trackgeek.api.ApiPaths;
import com.trackgeek.api.problem.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/{type}/{id}/similar}: the stored items whose embeddings are nearest to the item's, by the
 * active model only. Reads are open or need the read scope exactly like the item read (the security chain decides
 * for every route under {@code /api/v1}).
 */
@RestController
final class SimilarController {

    static final String SIMILAR_PATH = ApiPaths.PREFIX + "/{type:anime|manga|movie|tv|game|book}/{id}/similar";

    private static final String EXAMPLE = """
            {"item":{"type":"anime","id":20,"title":"Naruto","link":"/api/v1/anime/20"},"model":"all-minilm-l6-v2-q",\
            "status":"ready","similar":[{"type":"anime","id":1735,"title":"Naruto: Shippuuden","score":0.9134,\
            "link":"/api/v1/anime/1735"}]}""";
    private static final String NO_VECTOR_EXAMPLE = """
            {"item":{"type":"anime","id":21,"title":"One Piece","link":"/api/v1/anime/21"},"model":"all-minilm-l6-v2-q",\
            "status":"no-vector-yet","similar":[]}""";

    private final SimilarTitles titles;
    private final SimilarProperties properties;
    private final MeterRegistry registry;

    SimilarController(SimilarTitles titles, SimilarProperties properties, MeterRegistry registry) {
        this.titles = titles;
        this.properties = properties;
        this.registry = registry;
    }

    @Operation(summary = "Titles similar to an item",
            description = "The stored items nearest to this one by the cosine similarity of their embeddings, best"
                    + " first (equal scores by type, then id), the item itself never. Only one model answers: the"
                    + " operator's pinned one, else the one that covers the catalog (GET /api/v1/similar/model)."
                    + " Items without a vector of that model never appear; an item without one yet answers status"
                    + " no-vector-yet and an empty list. Same type by default; other types with types=anime,manga."
                    + " 404 <TYPE>_NOT_FOUND for an item not stored; 400 INVALID_PARAMETER for a limit outside"
                    + " 1..max-limit (100) or an unknown type.",
            responses = @ApiResponse(responseCode = "200", description = "the nearest items, or no-vector-yet",
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = SimilarAnswer.class),
                            examples = {@ExampleObject(name = "ready", value = EXAMPLE),
                                    @ExampleObject(name = "no-vector-yet", value = NO_VECTOR_EXAMPLE)})))
    @GetMapping(value = SIMILAR_PATH, produces = org.springframework.http.MediaType.APPLICATION_JSON_VALUE)
    SimilarAnswer similar(@Parameter(description = "anime, manga, movie, tv, game or book") @PathVariable String type,
                          @PathVariable String id,
                          @Parameter(description = "how many, 1 to 100 (default 10)") @RequestParam(required = false) String limit,
                          @Parameter(description = "the types to answer with, comma-separated path segments (default: the item's type)")
                          @RequestParam(required = false) String types) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failed";
        try {
            SimilarAnswer answer = titles.similar(SimilarRequest.of(type, id, types, limit, properties));
            outcome = answer.status();
            return answer;
        } catch (ApiException e) {
            outcome = e.code().name().endsWith("_NOT_FOUND") ? "not-found" : "invalid";
            throw e;
        } finally {
            sample.stop(Timer.builder("trackgeek.similar.requests")
                    .description("Similar-titles requests, by outcome (ready, no-vector-yet, not-found, invalid, failed)")
                    .tag("outcome", outcome)
                    .register(registry));
        }
    }
}
