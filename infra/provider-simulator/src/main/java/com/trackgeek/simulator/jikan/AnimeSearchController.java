package com.trackgeek.simulator.jikan;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET /anime?q=}: Jikan's other filters (type, genres, order_by, ...) are accepted and ignored. */
@RestController
class AnimeSearchController {

    private final AnimeLists lists;
    private final AnimeCatalog catalog;

    AnimeSearchController(AnimeLists lists, AnimeCatalog catalog) {
        this.lists = lists;
        this.catalog = catalog;
    }

    @GetMapping(JikanPaths.BASE + "/anime")
    JikanPage<ObjectNode> search(@RequestParam(required = false) String q,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer limit) {
        return JikanPage.of(lists.search(q), PageRequest.of(page, limit), catalog::plain);
    }
}
