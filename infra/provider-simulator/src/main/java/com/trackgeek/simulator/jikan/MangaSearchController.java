package com.trackgeek.simulator.jikan;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /manga?q=}: a case-insensitive substring of the default or English title, over the recorded manga
 * only (synthesised manga have no listing to search), most members first, then by id; each entry rendered
 * through {@link MangaCatalog} so it equals the manga fetched by id. Jikan's other filters are accepted and
 * ignored.
 */
@RestController
class MangaSearchController {

    private final JikanFixtures fixtures;
    private final MangaCatalog catalog;

    MangaSearchController(JikanFixtures fixtures, MangaCatalog catalog) {
        this.fixtures = fixtures;
        this.catalog = catalog;
    }

    @GetMapping(JikanPaths.BASE + "/manga")
    JikanPage<ObjectNode> search(@RequestParam(required = false) String q,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer limit) {
        String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        List<Long> ids = fixtures.allManga().stream()
                .filter(manga -> contains(manga, "title", needle) || contains(manga, "title_english", needle))
                .sorted(Comparator.comparingLong((ObjectNode manga) -> -manga.path("members").asLong())
                        .thenComparingLong(manga -> manga.path("mal_id").asLong()))
                .map(manga -> manga.path("mal_id").asLong())
                .toList();
        return JikanPage.of(ids, PageRequest.of(page, limit), catalog::plain);
    }

    private static boolean contains(JsonNode manga, String field, String needle) {
        JsonNode value = manga.get(field);
        return value != null && value.isString() && value.stringValue().toLowerCase(Locale.ROOT).contains(needle);
    }
}
