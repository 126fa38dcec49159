package com.trackgeek.sync.freshness;

import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.catalog.CatalogItem;
import com.trackgeek.servicekit.items.CatalogJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The freshness rules as a table: for each type and where its item is in its life, the rule and the time the
 * defaults give. Each row's item is a catalog record read from a small stored document (its status and dates in
 * the provider's wording), so the table also shows which wording lands in which rule. "Today" is 2026-12-03.
 */
class FreshnessPolicyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final FreshnessPolicy DEFAULTS = new FreshnessPolicy(FreshnessProperties.defaults());

    @ParameterizedTest(name = "{0} {1}, {2} unchanged refreshes: {3}, stale after {4} days")
    @CsvSource(delimiter = '|', textBlock = """
            # type   | the item                                                                                    | unchanged | rule              | days
            ANIME    | {"malId":1,"title":"t","status":"Currently Airing","airing":true}                           | 0 | RUNNING           | 1
            ANIME    | {"malId":1,"title":"t","status":"Currently Airing","airing":true}                           | 9 | RUNNING           | 1
            ANIME    | {"malId":1,"title":"t","status":"Not yet aired"}                                            | 0 | UPCOMING          | 1
            ANIME    | {"malId":1,"title":"t","status":"Finished Airing","aired":{"to":"2026-11-20T00:00:00Z"}}    | 0 | RECENTLY_FINISHED | 7
            ANIME    | {"malId":1,"title":"t","status":"Finished Airing","aired":{"to":"2010-07-04T00:00:00Z"}}    | 0 | SETTLED           | 30
            ANIME    | {"malId":1,"title":"t","status":"Finished Airing","aired":{"to":"2010-07-04T00:00:00Z"}}    | 1 | SETTLED           | 60
            ANIME    | {"malId":1,"title":"t","status":"Finished Airing","aired":{"to":"2010-07-04T00:00:00Z"}}    | 2 | SETTLED           | 90
            ANIME    | {"malId":1,"title":"t","status":"Finished Airing","aired":{"to":"2010-07-04T00:00:00Z"}}    | 40| SETTLED           | 90
            ANIME    | {"malId":1,"title":"t"}                                                                     | 0 | SETTLED           | 30
            MANGA    | {"malId":1,"title":"t","status":"Publishing","publishing":true}                             | 0 | RUNNING           | 1
            MANGA    | {"malId":1,"title":"t","status":"Not yet published"}                                        | 0 | UPCOMING          | 1
            MANGA    | {"malId":1,"title":"t","status":"Finished","published":{"to":"2026-11-10T00:00:00Z"}}       | 0 | RECENTLY_FINISHED | 7
            MANGA    | {"malId":1,"title":"t","status":"Finished","published":{"to":"2010-09-11T00:00:00Z"}}       | 1 | SETTLED           | 60
            MANGA    | {"malId":1,"title":"t","status":"On Hiatus"}                                                | 0 | SETTLED           | 30
            TV_SHOW  | {"tmdbId":1,"name":"t","status":"Returning Series"}                                         | 0 | RUNNING           | 1
            TV_SHOW  | {"tmdbId":1,"name":"t","status":"In Production"}                                            | 0 | RUNNING           | 1
            TV_SHOW  | {"tmdbId":1,"name":"t","status":"Planned"}                                                  | 0 | UPCOMING          | 1
            TV_SHOW  | {"tmdbId":1,"name":"t","status":"Ended","lastAirDate":"2026-11-30"}                         | 0 | RECENTLY_FINISHED | 7
            TV_SHOW  | {"tmdbId":1,"name":"t","status":"Ended","lastAirDate":"2019-05-19"}                         | 2 | SETTLED           | 90
            TV_SHOW  | {"tmdbId":1,"name":"t","status":"Canceled","lastAirDate":"2021-01-08"}                      | 0 | SETTLED           | 30
            MOVIE    | {"tmdbId":1,"title":"t","status":"Post Production","releaseDate":"2027-05-01"}              | 0 | UPCOMING          | 1
            MOVIE    | {"tmdbId":1,"title":"t","status":"Released","releaseDate":"2026-12-24"}                     | 0 | UPCOMING          | 1
            MOVIE    | {"tmdbId":1,"title":"t","status":"Released","releaseDate":"2026-11-04"}                     | 0 | RECENTLY_FINISHED | 7
            MOVIE    | {"tmdbId":1,"title":"t","status":"Released","releaseDate":"2026-11-02"}                     | 0 | SETTLED           | 30
            MOVIE    | {"tmdbId":1,"title":"t","status":"Released","releaseDate":"2001-07-20"}                     | 1 | SETTLED           | 60
            GAME     | {"igdbId":1,"title":"t","status":"Early Access"}                                            | 0 | RUNNING           | 1
            GAME     | {"igdbId":1,"title":"t","firstReleaseDate":"2027-03-01T00:00:00Z"}                          | 0 | UPCOMING          | 1
            GAME     | {"igdbId":1,"title":"t","firstReleaseDate":"2026-11-28T00:00:00Z"}                          | 0 | RECENTLY_FINISHED | 7
            GAME     | {"igdbId":1,"title":"t","firstReleaseDate":"2015-05-19T00:00:00Z"}                          | 3 | SETTLED           | 90
            GAME     | {"igdbId":1,"title":"t"}                                                                    | 0 | SETTLED           | 30
            BOOK     | {"hardcoverId":1,"title":"t","releaseDate":"2027-01-15"}                                    | 0 | UPCOMING          | 1
            BOOK     | {"hardcoverId":1,"title":"t","releaseDate":"2026-11-20"}                                    | 0 | RECENTLY_FINISHED | 7
            BOOK     | {"hardcoverId":1,"title":"t","releaseDate":"1937-09-21"}                                    | 0 | SETTLED           | 30
            BOOK     | {"hardcoverId":1,"title":"t"}                                                               | 1 | SETTLED           | 60
            """)
    void theDefaultsGive(MediaType type, String document, int unchanged, FreshnessRule rule, long days) {
        CatalogItem item = CatalogJson.read(type, document);

        var threshold = DEFAULTS.threshold(item.lifecycle(), unchanged, TODAY);

        assertThat(threshold.rule()).isEqualTo(rule);
        assertThat(threshold.staleAfter()).isEqualTo(Duration.ofDays(days));
    }

    @ParameterizedTest(name = "a {0}-hour rule is held to the 24 h guard")
    @CsvSource({"1", "12"})
    void noRuleGoesBelowTheRefreshGuard(int hours) {
        var d = FreshnessProperties.defaults();
        var hasty = new FreshnessPolicy(new FreshnessProperties(Duration.ofHours(hours), Duration.ofHours(hours),
                d.recentlyFinishedWithin(), d.recentlyFinished(), d.finished(), d.backOffFactor(), d.finishedMax(),
                d.minimum(), d.goneRecheck(), d.sweeper()));
        var airing = CatalogJson.read(MediaType.ANIME, """
                {"malId":1,"title":"t","status":"Currently Airing","airing":true}""");

        assertThat(hasty.threshold(airing.lifecycle(), 0, TODAY).staleAfter()).isEqualTo(Duration.ofHours(24));
        assertThat(hasty.staleAfter(airing.lifecycle(), 0, Instant.parse("2026-12-03T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-04T10:00:00Z"));
    }
}
