package com.trackgeek.simulator.jikan;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET /top/anime}: by rank; Jikan's type and filter parameters are accepted and ignored. */
@RestController
class TopAnimeController {

    private final AnimeLists lists;
    private final AnimeCatalog catalog;

    TopAnimeController(AnimeLists lists, AnimeCatalog catalog) {
        this.lists = lists;
        this.catalog = catalog;
    }

    @GetMapping(JikanPaths.BASE + "/top/anime")
    JikanPage<ObjectNode> top(@RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer limit) {
        return JikanPage.of(lists.top(), PageRequest.of(page, limit), catalog::plain);
    }
}
