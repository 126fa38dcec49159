package com.trackgeek.sync.drift;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;
import com.trackgeek.contracts.catalog.CatalogItem;
import com.trackgeek.sync.command.AbstractWorkerIntegrationTest;
import com.trackgeek.sync.provider.MetadataProviders;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The drift alarm on real items, fetched from the simulator's recorded bodies through the worker's providers (the
 * same mappers a sync uses), and on copies of them that lost what a changed provider format would lose: each rule
 * fires on its loss and on nothing else; a degraded refresh is always refused; at 25% degraded refreshes in the window
 * (with 20 at least) the provider trips and every refresh of it is refused, until the share falls below 12.5% or a
 * quiet window passes; another provider is not affected.
 */
class DriftGuardTest extends AbstractWorkerIntegrationTest {

    @Autowired
    MetadataProviders providers;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2031-01-01T00:00:00Z"));
    private final Clock clock = mock(Clock.class);
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private DriftGuard guard;
    private CatalogItem anime;
    private CatalogItem movie;
    private CatalogItem show;

    @BeforeEach
    void realItems() {
        when(clock.instant()).thenAnswer(invocation -> now.get());
        guard = new DriftGuard(new DriftProperties(true, Duration.ofMinutes(5), 20, 0.25, 0.125), json, clock, metrics);
        anime = providers.ready(MediaType.ANIME).fetch(MediaKey.of(MediaType.ANIME, recorded(MediaType.ANIME, 5114)));
        long movieId = newId();
        long showId = newId();
        jikan().tmdb().serveRecordedAs("movie", movieId, 671);
        jikan().tmdb().serveRecordedAs("tv", showId, 4607);
        movie = providers.ready(MediaType.MOVIE).fetch(MediaKey.of(MediaType.MOVIE, movieId));
        show = providers.ready(MediaType.TV_SHOW).fetch(MediaKey.of(MediaType.TV_SHOW, showId));
    }

    @Test
    void eachRuleFiresOnTheLossItNamesAndOnNothingElse() {
        assertThat(guard.check(Provider.JIKAN, anime, anime).writes()).as("an unchanged refresh").isTrue();
        assertThat(guard.check(Provider.JIKAN, anime, copy(anime, doc -> doc.put("numberOfEpisodes", 65)
                .put("status", "Currently Airing").putArray("genres").addObject().put("malId", 1).put("name", "Action")))
                .writes()).as("changed values, nothing lost").isTrue();

        assertThat(broken(Provider.JIKAN, anime, copy(anime, doc -> doc.putArray("genres"))))
                .containsExactly(DriftRule.GENRES_DROPPED);
        assertThat(broken(Provider.JIKAN, anime, copy(anime, doc -> doc.putArray("titles").addObject()
                .put("type", "Default").put("title", anime.title())))).containsExactly(DriftRule.TITLES_DROPPED);
        assertThat(broken(Provider.JIKAN, anime, copy(anime, doc -> doc.putNull("numberOfEpisodes"))))
                .containsExactly(DriftRule.COUNT_DROPPED);
        assertThat(broken(Provider.JIKAN, anime, copy(anime, doc -> doc.putNull("status"))))
                .containsExactly(DriftRule.STATUS_LOST);
        assertThat(broken(Provider.TMDB, show, copy(show, doc -> doc.put("numberOfEpisodes", 0))))
                .containsExactly(DriftRule.COUNT_DROPPED);
        assertThat(broken(Provider.TMDB, show, copy(show, doc -> doc.put("status", "Unknown"))))
                .containsExactly(DriftRule.STATUS_LOST);
        assertThat(broken(Provider.TMDB, movie, genresAndTitlesMissing(movie))).contains(DriftRule.GENRES_DROPPED);
        assertThat(guard.check(Provider.JIKAN, null, anime).writes()).as("a first store loses nothing").isTrue();
    }

    @Test
    void aDegradedRefreshIsRefusedAndCountedEvenBelowTheThresholdWithoutTripping() {
        var verdict = guard.check(Provider.TMDB, movie, genresAndTitlesMissing(movie));

        assertThat(verdict.decision()).isEqualTo(Verdict.Decision.REFUSE_DEGRADED);
        assertThat(guard.tripped(Provider.TMDB)).isFalse();
        assertThat(guard.check(Provider.TMDB, show, show).writes()).isTrue();
        assertThat(metrics.get("trackgeek.sync.drift.degraded").tag("provider", "tmdb").counter().count()).isEqualTo(1.0);
    }

    @Test
    void aProviderAnsweringBodiesWithoutGenresAndTitlesTripsAndThenEveryRefreshOfItIsRefused() {
        CatalogItem broken = genresAndTitlesMissing(show);
        for (int i = 0; i < 15; i++) {
            assertThat(guard.check(Provider.TMDB, movie, movie).writes()).isTrue();
        }
        for (int i = 0; i < 4; i++) {
            assertThat(guard.check(Provider.TMDB, show, broken).decision()).isEqualTo(Verdict.Decision.REFUSE_DEGRADED);
        }
        assertThat(guard.tripped(Provider.TMDB)).as("4 of 19: below the minimum sample").isFalse();

        guard.check(Provider.TMDB, show, broken);

        assertThat(guard.tripped(Provider.TMDB)).as("5 of 20 = 25%").isTrue();
        assertThat(guard.check(Provider.TMDB, movie, movie).decision()).isEqualTo(Verdict.Decision.REFUSE_TRIPPED);
        assertThat(guard.check(Provider.JIKAN, anime, anime).writes()).as("another provider").isTrue();
        assertThat(metrics.get("trackgeek.sync.drift.tripped").tag("provider", "tmdb").gauge().value()).isEqualTo(1.0);
        assertThat(metrics.get("trackgeek.sync.drift.tripped").tag("provider", "jikan").gauge().value()).isZero();
        assertThat(metrics.get("trackgeek.sync.drift.degraded").tag("provider", "tmdb").counter().count()).isEqualTo(5.0);
    }

    @Test
    void theAlarmClearsWhenTheShareFallsBelowHalfTheThreshold() {
        trip();
        advance(Duration.ofMinutes(1));
        // 5 degraded of 40 is 12.5%: not below; refused, but counted.
        for (int i = 0; i < 20; i++) {
            assertThat(guard.check(Provider.TMDB, movie, movie).decision()).isEqualTo(Verdict.Decision.REFUSE_TRIPPED);
        }

        // 5 of 41.
        assertThat(guard.check(Provider.TMDB, movie, movie).writes()).isTrue();
        assertThat(guard.tripped(Provider.TMDB)).isFalse();
        assertThat(metrics.get("trackgeek.sync.drift.tripped").tag("provider", "tmdb").gauge().value()).isZero();
    }

    @Test
    void theAlarmClearsAfterAWholeWindowWithoutARefreshOfTheProvider() {
        trip();
        advance(Duration.ofMinutes(3));
        assertThat(guard.check(Provider.TMDB, movie, movie).decision()).as("still inside the window")
                .isEqualTo(Verdict.Decision.REFUSE_TRIPPED);

        advance(Duration.ofMinutes(6));

        assertThat(guard.check(Provider.TMDB, movie, movie).writes()).isTrue();
        assertThat(guard.tripped(Provider.TMDB)).isFalse();
    }

    private void trip() {
        CatalogItem broken = genresAndTitlesMissing(movie);
        for (int i = 0; i < 15; i++) {
            guard.check(Provider.TMDB, show, show);
        }
        for (int i = 0; i < 5; i++) {
            guard.check(Provider.TMDB, movie, broken);
        }
        assertThat(guard.tripped(Provider.TMDB)).isTrue();
    }

    private java.util.Set<DriftRule> broken(Provider provider, CatalogItem stored, CatalogItem fetched) {
        var verdict = guard.check(provider, stored, fetched);
        assertThat(verdict.decision()).isEqualTo(Verdict.Decision.REFUSE_DEGRADED);
        return verdict.broken();
    }

    /** What a changed provider format answers: no genres, no other titles (the item's own fields otherwise). */
    private CatalogItem genresAndTitlesMissing(CatalogItem item) {
        CatalogItem copy = copy(item, doc -> {
            doc.putArray("genres");
            if (doc.has("titles")) {
                doc.putArray("titles");
            }
            for (String original : new String[]{"originalTitle", "originalName"}) {
                if (doc.has(original)) {
                    doc.put(original, item.title());
                }
            }
        });
        assertThat(copy.alternativeTitles()).isEmpty();
        return copy;
    }

    private CatalogItem copy(CatalogItem item, Consumer<ObjectNode> change) {
        ObjectNode document = json.valueToTree(item);
        change.accept(document);
        return json.treeToValue(document, item.getClass());
    }

    /** The window is time, and tests do not sleep: the guard's clock reads {@link #now}. */
    private void advance(Duration duration) {
        now.set(now.get().plus(duration));
    }
}
