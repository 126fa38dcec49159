package com.trackgeek.simulator.jikan;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.LocalDate;

/** A broadcast season's anime, 25 a page. */
@RestController
@RequestMapping(JikanPaths.BASE + "/seasons")
class SeasonController {

    private final AnimeLists lists;
    private final AnimeCatalog catalog;
    private final Clock clock;

    SeasonController(AnimeLists lists, AnimeCatalog catalog, Clock clock) {
        this.lists = lists;
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping("/{year}/{season}")
    JikanPage<ObjectNode> season(@PathVariable int year, @PathVariable String season,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer limit) {
        Season parsed = Season.parse(season).orElseThrow(() ->
                JikanRequestException.badRequest("The season must be one of winter, spring, summer, fall."));
        return page(new SeasonKey(year, parsed), page, limit);
    }

    @GetMapping("/now")
    JikanPage<ObjectNode> now(@RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer limit) {
        return page(SeasonKey.of(LocalDate.now(clock)), page, limit);
    }

    private JikanPage<ObjectNode> page(SeasonKey season, Integer page, Integer limit) {
        return JikanPage.of(lists.season(season), PageRequest.of(page, limit), catalog::plain);
    }
}
