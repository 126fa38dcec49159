package com.trackgeek.simulator.jikan;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /top/manga}: the recorded manga only (synthesised manga are on no list, as with search), by rank,
 * unranked ones last, then by id; each entry rendered through {@link MangaCatalog} so it equals the manga fetched
 * by id. Jikan's type and filter parameters are accepted and ignored, as for {@code /top/anime}.
 */
@RestController
class TopMangaController {

    private final JikanFixtures fixtures;
    private final MangaCatalog catalog;

    TopMangaController(JikanFixtures fixtures, MangaCatalog catalog) {
        this.fixtures = fixtures;
        this.catalog = catalog;
    }

    @GetMapping(JikanPaths.BASE + "/top/manga")
    JikanPage<ObjectNode> top(@RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer limit) {
        List<Long> ids = fixtures.allManga().stream()
                .sorted(Comparator.comparingLong(TopMangaController::rank)
                        .thenComparingLong(manga -> manga.path("mal_id").asLong()))
                .map(manga -> manga.path("mal_id").asLong())
                .toList();
        return JikanPage.of(ids, PageRequest.of(page, limit), catalog::plain);
    }

    private static long rank(JsonNode manga) {
        return manga.path("rank").isIntegralNumber() ? manga.path("rank").asLong() : Long.MAX_VALUE;
    }
}
