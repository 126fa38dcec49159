package com.trackgeek.simulator.jikan;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One manga by MAL id, and its characters. Behind the same gate as anime: Jikan counts both against one
 * budget.
 */
@RestController
@RequestMapping(JikanPaths.BASE + "/manga/{id}")
class MangaController {

    private final MangaCatalog catalog;

    MangaController(MangaCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    JikanData<ObjectNode> manga(@PathVariable long id) {
        return new JikanData<>(catalog.plain(id));
    }

    @GetMapping("/full")
    JikanData<ObjectNode> full(@PathVariable long id) {
        return new JikanData<>(catalog.full(id));
    }

    @GetMapping("/characters")
    JsonNode characters(@PathVariable long id) {
        return catalog.characters(id);
    }
}
