package com.trackgeek.api.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the database's hits are enough for a page, so no provider needs asking (issue #7: "if the database has
 * enough good hits for the page, no provider call is made").
 *
 * @param goodScore   the hit score (0..1, see {@code CatalogSearch}) from which a hit counts as good: 0.6
 *                    is pg_trgm's own word-similarity threshold, i.e. a hit on the main title that the index
 *                    would find by similarity alone; an alternative-title hit needs 0.6 / 0.9 of it
 * @param minGoodHits how many good hits on the page are enough (or the page's limit, if smaller)
 */
@ConfigurationProperties("trackgeek.api.search")
record SearchProperties(
        @DefaultValue("0.6") double goodScore,
        @DefaultValue("5") int minGoodHits) {

    SearchProperties {
        if (goodScore < 0 || goodScore > 1 || minGoodHits < 1) {
            throw new IllegalArgumentException("trackgeek.api.search: need 0 <= good-score <= 1 and min-good-hits >= 1,"
                    + " was " + goodScore + " and " + minGoodHits);
        }
    }
}
