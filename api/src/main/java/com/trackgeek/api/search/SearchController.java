package com.trackgeek.api.search;

import com.trackgeek.api.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/{type}/search} and {@code GET /api/v1/search}: title search over the stored items.
 *
 * <p>{@code {type}} takes any segment here, so an unknown type is a 400 that lists the known ones rather than
 * an unknown path. The literal {@code search} makes this route more specific than the item read
 * ({@code /api/v1/{type}/{id}}) and less than {@code /api/v1/sync-requests/{id}}, so both keep their paths.
 */
@RestController
final class SearchController {

    private static final String DESCRIPTION = "Database first: matches the stored items' main and alternative titles"
            + " (every script the providers give, e.g. Japanese titles and synonyms), ignoring case and accents: the"
            + " query as a substring, or, when fewer than 20 items match so, word-similar to a part of the titles"
            + " (trigram word similarity >= 0.6, which forgives small misspellings; queries of one or two characters"
            + " match by word similarity only). Ranked: main title equal to the query, starting with it, containing"
            + " it, then alternative-title matches, then similar ones; the shorter title first within each; then type"
            + " and id. Matches are counted up to 500 (word-similar ones up to 100, of which the first 100 found"
            + " are ranked); above that total is a lower bound, totalExact false. When the page has fewer than 5 good hits (score >= 0.6) and none whose title or alternative title is the"
            + " query itself (case and accents aside), the providers of the searched types"
            + " are asked for the same page through the sync worker (one budget with every other provider call),"
            + " waited for at most 3 s, and their hits follow the database's (source \"provider\"; new ones are"
            + " stored as partial items and fully fetched in the background). Their answers are cached 24 h per"
            + " (type, normalised query, page, limit) for every API instance. A provider that fails or is slow"
            + " leaves the database's hits with providerMissing true and the reason in providers. Asking a provider"
            + " (not reading a cached answer) counts against the client's quota, one per provider asked: past it"
            + " that provider's part is quota_exceeded (code QUOTA_EXCEEDED) and the database's hits are answered"
            + " all the same. 400"
            + " INVALID_PARAMETER for an empty q, a q over " + SearchRequest.MAX_QUERY_LENGTH + " characters, with"
            + " U+0000 or with nothing but accents, a page that is not a positive integer, a limit outside 1.."
            + SearchRequest.MAX_LIMIT + ", an unknown type.";

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @Operation(summary = "Search one media type's items by title", description = DESCRIPTION)
    @GetMapping(value = ApiPaths.PREFIX + "/{type}/search", produces = org.springframework.http.MediaType.APPLICATION_JSON_VALUE)
    SearchResults searchType(@Parameter(description = "anime, manga, movie, tv, game or book") @PathVariable String type,
                             @Parameter(description = "the text to find, 1 to 200 characters") @RequestParam(required = false) String q,
                             @Parameter(description = "page number, from 1 (default 1)") @RequestParam(required = false) String page,
                             @Parameter(description = "hits per page, 1 to 50 (default 20)") @RequestParam(required = false) String limit) {
        return search.search(SearchRequest.of(type, q, page, limit));
    }

    @Operation(summary = "Search every media type's items by title", description = DESCRIPTION)
    @GetMapping(value = ApiPaths.PREFIX + "/search", produces = org.springframework.http.MediaType.APPLICATION_JSON_VALUE)
    SearchResults searchAll(@Parameter(description = "the text to find, 1 to 200 characters") @RequestParam(required = false) String q,
                            @Parameter(description = "page number, from 1 (default 1)") @RequestParam(required = false) String page,
                            @Parameter(description = "hits per page, 1 to 50 (default 20)") @RequestParam(required = false) String limit) {
        return search.search(SearchRequest.of(null, q, page, limit));
    }
}
