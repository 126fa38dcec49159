package com.trackgeek.simulator.jikan;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Paths Jikan has but the simulator does not (yet) answer 404 in Jikan's shape, not Spring's. */
@RestController
class JikanFallbackController {

    @RequestMapping(JikanPaths.BASE + "/**")
    void unknown() {
        throw JikanRequestException.notFound();
    }
}
