package com.trackgeek.contracts.catalog;

import com.trackgeek.contracts.catalog.Lifecycle.Phase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each catalog record says where its item is in its life from its own status and dates, in the provider's wording.
 * The records are read from small documents of the stored shape (only the fields that matter here).
 */
class LifecycleTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    private static <T extends CatalogItem> Lifecycle of(Class<T> type, String document) {
        return JSON.readValue(document, type).lifecycle();
    }

    @Test
    void anAnimeRunsWhileAiringIsUpcomingBeforeAndFinishesOnItsLastAiredDay() {
        assertThat(of(Anime.class, """
                {"malId":1,"title":"A","status":"Currently Airing","airing":true,"aired":{"from":"2026-10-01T00:00:00Z"}}"""))
                .isEqualTo(Lifecycle.RUNNING);
        assertThat(of(Anime.class, """
                {"malId":2,"title":"B","status":"Not yet aired","airing":false}""")).isEqualTo(Lifecycle.UPCOMING);
        assertThat(of(Anime.class, """
                {"malId":3,"title":"C","status":"Finished Airing","airing":false,
                 "aired":{"from":"2005-10-23T00:00:00Z","to":"2006-06-19T00:00:00Z"}}"""))
                .isEqualTo(Lifecycle.finished(LocalDate.of(2006, 6, 19)));
        assertThat(of(Anime.class, """
                {"malId":4,"title":"A film","status":"Finished Airing","aired":{"from":"2001-07-20T00:00:00Z"}}"""))
                .as("one day aired: finished that day").isEqualTo(Lifecycle.finished(LocalDate.of(2001, 7, 20)));
        assertThat(of(Anime.class, """
                {"malId":5,"title":"D"}""")).isEqualTo(Lifecycle.UNKNOWN);
    }

    @Test
    void aMangaRunsWhilePublishingAndAHiatusCountsAsFinished() {
        assertThat(of(Manga.class, """
                {"malId":1,"title":"A","status":"Publishing","publishing":true}""")).isEqualTo(Lifecycle.RUNNING);
        assertThat(of(Manga.class, """
                {"malId":2,"title":"B","status":"Not yet published"}""")).isEqualTo(Lifecycle.UPCOMING);
        assertThat(of(Manga.class, """
                {"malId":25,"title":"FMA","status":"Finished","publishing":false,
                 "published":{"from":"2001-07-12T00:00:00Z","to":"2010-09-11T00:00:00Z"}}"""))
                .isEqualTo(Lifecycle.finished(LocalDate.of(2010, 9, 11)));
        assertThat(of(Manga.class, """
                {"malId":3,"title":"Berserk","status":"On Hiatus","publishing":false}""")).isEqualTo(Lifecycle.finished(null));
    }

    @Test
    void aTvShowRunsWhileReturningOrInProductionAndEndsOnItsLastAirDate() {
        assertThat(of(TvShow.class, """
                {"tmdbId":1,"name":"A","status":"Returning Series"}""")).isEqualTo(Lifecycle.RUNNING);
        assertThat(of(TvShow.class, """
                {"tmdbId":2,"name":"B","status":"In Production"}""")).isEqualTo(Lifecycle.RUNNING);
        assertThat(of(TvShow.class, """
                {"tmdbId":3,"name":"C","status":"Planned"}""")).isEqualTo(Lifecycle.UPCOMING);
        assertThat(of(TvShow.class, """
                {"tmdbId":4,"name":"D","status":"Ended","lastAirDate":"2019-05-19"}"""))
                .isEqualTo(Lifecycle.finished(LocalDate.of(2019, 5, 19)));
        assertThat(of(TvShow.class, """
                {"tmdbId":5,"name":"E","status":"Canceled","lastAirDate":"2021-01-08"}"""))
                .isEqualTo(Lifecycle.finished(LocalDate.of(2021, 1, 8)));
    }

    @Test
    void aMovieIsUpcomingUntilReleasedAndAReleaseDateStillToComeIsUpcomingToo() {
        assertThat(of(Movie.class, """
                {"tmdbId":1,"title":"A","status":"Post Production"}""")).isEqualTo(Lifecycle.UPCOMING);
        Lifecycle released = of(Movie.class, """
                {"tmdbId":129,"title":"Spirited Away","status":"Released","releaseDate":"2001-07-20"}""");
        assertThat(released).isEqualTo(Lifecycle.finished(LocalDate.of(2001, 7, 20)));
        assertThat(released.phaseOn(TODAY)).isEqualTo(Phase.FINISHED);
        Lifecycle premiere = of(Movie.class, """
                {"tmdbId":2,"title":"B","status":"Released","releaseDate":"2026-12-24"}""");
        assertThat(premiere.phaseOn(TODAY)).isEqualTo(Phase.UPCOMING);
        assertThat(of(Movie.class, """
                {"tmdbId":3,"title":"C","status":"Canceled"}""")).isEqualTo(Lifecycle.finished(null));
    }

    @Test
    void aGameRunsInEarlyAccessAndIsReleasedOnItsLatestReleaseOnAnyPlatform() {
        assertThat(of(Game.class, """
                {"igdbId":1,"title":"A","status":"Early Access"}""")).isEqualTo(Lifecycle.RUNNING);
        assertThat(of(Game.class, """
                {"igdbId":2,"title":"B","firstReleaseDate":"2018-04-20T00:00:00Z",
                 "releaseDates":[{"date":"2018-04-20T00:00:00Z"},{"date":"2022-01-14T00:00:00Z"},{"human":"TBD"}]}"""))
                .as("its PC port came last").isEqualTo(Lifecycle.finished(LocalDate.of(2022, 1, 14)));
        Lifecycle portComing = of(Game.class, """
                {"igdbId":3,"title":"C","firstReleaseDate":"2020-03-20T00:00:00Z",
                 "releaseDates":[{"date":"2020-03-20T00:00:00Z"},{"date":"2027-02-01T00:00:00Z"}]}""");
        assertThat(portComing.phaseOn(TODAY)).isEqualTo(Phase.UPCOMING);
        assertThat(of(Game.class, """
                {"igdbId":4,"title":"D"}""")).isEqualTo(Lifecycle.UNKNOWN);
        assertThat(of(Game.class, """
                {"igdbId":5,"title":"E","status":"Cancelled"}""")).isEqualTo(Lifecycle.finished(null));
    }

    @Test
    void aBookIsReleasedOnItsReleaseDate() {
        assertThat(of(Book.class, """
                {"hardcoverId":1,"title":"A","releaseDate":"1937-09-21"}"""))
                .isEqualTo(Lifecycle.finished(LocalDate.of(1937, 9, 21)));
        assertThat(of(Book.class, """
                {"hardcoverId":2,"title":"B","releaseDate":"2027-03-01"}""").phaseOn(TODAY)).isEqualTo(Phase.UPCOMING);
        assertThat(of(Book.class, """
                {"hardcoverId":3,"title":"C"}""")).isEqualTo(Lifecycle.UNKNOWN);
    }

    @Test
    void onlyAFinishedLifecycleHasAFinishDate() {
        assertThat(new Lifecycle(Phase.RUNNING, LocalDate.of(2020, 1, 1)).finishedOn()).isNull();
    }
}
