package com.trackgeek.simulator.tmdb;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * TMDB v3's movie and TV details under {@code /tmdb/3}, honouring {@code append_to_response} (at most
 * {@value #MAX_APPENDS} entries, as TMDB documents). Unknown ids and paths get TMDB's recorded 404.
 */
@RestController
@RequestMapping(TmdbConfiguration.BASE)
class TmdbController {

    static final int MAX_APPENDS = 20;

    private final TmdbCatalog catalog;
    private final TmdbErrors errors;
    private final TmdbSearches searches;
    private final TmdbLists lists;

    TmdbController(TmdbCatalog catalog, TmdbErrors errors, TmdbSearches searches, TmdbLists lists) {
        this.catalog = catalog;
        this.lists = lists;
        this.errors = errors;
        this.searches = searches;
    }

    /**
     * {@code /search/movie} and {@code /search/tv} ({@link TmdbSearches}). A page outside 1..500 gets the recorded
     * 404 body: TMDB refuses it too, with a body that is not recorded.
     */
    @GetMapping("/search/{kind:movie|tv}")
    ResponseEntity<JsonNode> search(@PathVariable String kind, @RequestParam(required = false) String query,
                                    @RequestParam(required = false) String year,
                                    @RequestParam(required = false, defaultValue = "1") String page) {
        Optional<Long> number = parse(page);
        if (number.isEmpty() || number.get() < 1 || number.get() > 500) {
            return errors.notFound();
        }
        return ResponseEntity.ok(searches.answer(kind, query, year, number.get().intValue()));
    }

    /** {@link TmdbLists}: literal paths, so that they win over {@code /movie/{id}}. A page outside 1..500 is refused. */
    @GetMapping({"/movie/popular", "/movie/top_rated", "/tv/popular", "/tv/top_rated"})
    ResponseEntity<JsonNode> list(HttpServletRequest request,
                                  @RequestParam(required = false, defaultValue = "1") String page) {
        Optional<Long> number = parse(page);
        if (number.isEmpty() || number.get() < 1 || number.get() > TmdbLists.MAX_PAGES) {
            return errors.notFound();
        }
        String[] path = request.getRequestURI().split("/");
        return ResponseEntity.ok(lists.page(path[path.length - 2], path[path.length - 1], number.get().intValue()));
    }

    @GetMapping("/movie/{id}")
    ResponseEntity<JsonNode> movie(@PathVariable String id, @RequestParam(name = "append_to_response", required = false) String appends) {
        return answer(id, appends, (movieId, parts) -> catalog.movie(movieId, parts));
    }

    @GetMapping("/tv/{id}")
    ResponseEntity<JsonNode> show(@PathVariable String id, @RequestParam(name = "append_to_response", required = false) String appends) {
        return answer(id, appends, (showId, parts) -> catalog.show(showId, parts));
    }

    @GetMapping("/tv/{id}/season/{number}")
    ResponseEntity<JsonNode> season(@PathVariable String id, @PathVariable String number) {
        Optional<Long> showId = parse(id);
        Optional<Long> seasonNumber = parse(number);
        if (showId.isEmpty() || seasonNumber.isEmpty()) {
            return errors.notFound();
        }
        return catalog.season(showId.get(), seasonNumber.get().intValue())
                .<ResponseEntity<JsonNode>>map(ResponseEntity::ok).orElseGet(errors::notFound);
    }

    @RequestMapping("/**")
    ResponseEntity<JsonNode> unknown() {
        return errors.notFound();
    }

    private ResponseEntity<JsonNode> answer(String id, String appends,
                                            java.util.function.BiFunction<Long, List<String>, Optional<? extends JsonNode>> lookup) {
        List<String> parts = appends == null || appends.isBlank() ? List.of()
                : Arrays.stream(appends.split(",")).map(String::strip).filter(part -> !part.isEmpty()).toList();
        if (parts.size() > MAX_APPENDS) {
            return errors.tooManyAppends();
        }
        Optional<Long> parsed = parse(id);
        if (parsed.isEmpty()) {
            return errors.notFound();
        }
        return lookup.apply(parsed.get(), parts).<ResponseEntity<JsonNode>>map(ResponseEntity::ok).orElseGet(errors::notFound);
    }

    private static Optional<Long> parse(String number) {
        return number.matches("\\d{1,12}") ? Optional.of(Long.parseLong(number)) : Optional.empty();
    }
}
