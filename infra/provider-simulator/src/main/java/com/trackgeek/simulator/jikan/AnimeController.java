package com.trackgeek.simulator.jikan;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One anime by MAL id, and its characters, staff and videos. */
@RestController
@RequestMapping(JikanPaths.BASE + "/anime/{id}")
class AnimeController {

    private final AnimeCatalog catalog;

    AnimeController(AnimeCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    JikanData<ObjectNode> anime(@PathVariable long id) {
        return new JikanData<>(catalog.plain(id));
    }

    @GetMapping("/full")
    JikanData<ObjectNode> full(@PathVariable long id) {
        return new JikanData<>(catalog.full(id));
    }

    @GetMapping("/characters")
    JsonNode characters(@PathVariable long id) {
        return catalog.subResource(id, SubResource.CHARACTERS);
    }

    @GetMapping("/staff")
    JsonNode staff(@PathVariable long id) {
        return catalog.subResource(id, SubResource.STAFF);
    }

    @GetMapping("/videos")
    JsonNode videos(@PathVariable long id) {
        return catalog.subResource(id, SubResource.VIDEOS);
    }
}
