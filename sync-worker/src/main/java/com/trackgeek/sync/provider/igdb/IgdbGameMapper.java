package com.trackgeek.sync.provider.igdb;

import com.trackgeek.contracts.catalog.Game;
import com.trackgeek.contracts.catalog.GameAgeRating;
import com.trackgeek.contracts.catalog.GameCompany;
import com.trackgeek.contracts.catalog.GameExternalId;
import com.trackgeek.contracts.catalog.GameImage;
import com.trackgeek.contracts.catalog.GameLanguageSupport;
import com.trackgeek.contracts.catalog.GameMultiplayerMode;
import com.trackgeek.contracts.catalog.GameReference;
import com.trackgeek.contracts.catalog.GameRelation;
import com.trackgeek.contracts.catalog.GameRelease;
import com.trackgeek.contracts.catalog.GameVideo;
import com.trackgeek.contracts.catalog.Link;
import com.trackgeek.contracts.catalog.Title;
import com.trackgeek.contracts.catalog.Trailer;
import com.trackgeek.sync.provider.igdb.IgdbResponses.Image;
import com.trackgeek.sync.provider.igdb.IgdbResponses.Named;
import com.trackgeek.sync.provider.igdb.IgdbResponses.Related;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One IGDB game of our query into the catalog's {@link Game}. IGDB's conventions are undone here: epoch
 * seconds become instants, protocol-relative image URLs become https, YouTube ids become links. Values IGDB
 * omits stay null; lists it omits are empty.
 */
final class IgdbGameMapper {

    private static final String IMAGE_BASE = "https://images.igdb.com/igdb/image/upload/";

    private IgdbGameMapper() {
    }

    static Game toGame(IgdbResponses.Game game) {
        return new Game(
                game.id(),
                game.name(),
                game.slug(),
                game.url(),
                game.summary(),
                game.storyline(),
                instant(game.firstReleaseDate()),
                map(game.releaseDates(), release -> new GameRelease(release.id(), instant(release.date()), release.human(),
                        reference(release.platform()),
                        release.releaseRegion() == null ? null : release.releaseRegion().region(),
                        release.status() == null ? null : release.status().name())),
                game.gameStatus() == null ? null : game.gameStatus().status(),
                game.gameType() == null ? null : game.gameType().type(),
                image(game.cover()),
                map(game.screenshots(), IgdbGameMapper::image),
                map(game.artworks(), IgdbGameMapper::image),
                map(game.videos(), video -> new GameVideo(video.id(), video.name(), youtube(video.videoId()))),
                references(game.genres()),
                references(game.themes()),
                references(game.keywords()),
                references(game.playerPerspectives()),
                references(game.gameModes()),
                map(game.ageRatings(), rating -> new GameAgeRating(rating.id(),
                        rating.organization() == null ? null : rating.organization().name(),
                        rating.ratingCategory() == null ? null : rating.ratingCategory().rating(),
                        rating.synopsis())),
                map(game.involvedCompanies(), involved -> new GameCompany(
                        involved.company() == null ? null : involved.company().id(),
                        involved.company() == null ? null : involved.company().name(),
                        involved.developer(), involved.publisher(), involved.porting(), involved.supporting())),
                references(game.platforms()),
                map(game.multiplayerModes(), mode -> new GameMultiplayerMode(reference(mode.platform()),
                        mode.campaignCoop(), mode.dropIn(), mode.lanCoop(), mode.offlineCoop(), mode.offlineCoopMax(),
                        mode.offlineMax(), mode.onlineCoop(), mode.onlineCoopMax(), mode.onlineMax(),
                        mode.splitscreen(), mode.splitscreenOnline())),
                map(game.languageSupports(), support -> new GameLanguageSupport(
                        support.language() == null ? null : support.language().name(),
                        support.languageSupportType() == null ? null : support.languageSupportType().name())),
                relation(game.parentGame()),
                relations(game.similarGames()),
                relations(game.forks()),
                relations(game.ports()),
                relations(game.expansions()),
                relations(game.expandedGames()),
                relations(game.dlcs()),
                relations(game.standaloneExpansions()),
                relations(game.remakes()),
                relations(game.remasters()),
                relations(game.bundles()),
                references(game.collections()),
                reference(game.franchise()),
                references(game.franchises()),
                references(game.gameEngines()),
                map(game.alternativeNames(), name -> new Title(name.comment(), name.name())),
                map(game.externalGames(), external -> new GameExternalId(
                        external.externalGameSource() == null ? null : external.externalGameSource().name(),
                        external.category(), external.uid(), external.url())),
                map(game.websites(), website -> new Link(website.type() == null ? null : website.type().type(), website.url())),
                game.totalRating(),
                game.aggregatedRating());
    }

    static Instant instant(Long epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds);
    }

    /** {@code //images.igdb.com/...} becomes {@code https://images.igdb.com/...}; an absolute URL is kept. */
    static String absolute(String url) {
        if (url == null) {
            return null;
        }
        return url.startsWith("//") ? "https:" + url : url;
    }

    private static GameImage image(Image image) {
        if (image == null) {
            return null;
        }
        String url = absolute(image.url());
        if (url == null && image.imageId() != null) {
            url = IMAGE_BASE + "t_original/" + image.imageId() + ".jpg";
        }
        return new GameImage(image.id(), image.imageId(), url, image.width(), image.height());
    }

    private static Trailer youtube(String videoId) {
        if (videoId == null || videoId.isBlank()) {
            return null;
        }
        return new Trailer(videoId, "https://www.youtube.com/watch?v=" + videoId,
                "https://www.youtube.com/embed/" + videoId, "https://img.youtube.com/vi/" + videoId + "/hqdefault.jpg");
    }

    private static GameReference reference(Named named) {
        return named == null ? null : new GameReference(named.id(), named.name());
    }

    private static List<GameReference> references(List<Named> named) {
        return map(named, IgdbGameMapper::reference);
    }

    private static GameRelation relation(Related related) {
        if (related == null) {
            return null;
        }
        return new GameRelation(related.id(), related.name(), related.slug(),
                related.cover() == null ? null : absolute(related.cover().url()));
    }

    private static List<GameRelation> relations(List<Related> related) {
        return map(related, IgdbGameMapper::relation);
    }

    private static <S, T> List<T> map(List<S> values, Function<S, T> mapping) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(Objects::nonNull).map(mapping).filter(Objects::nonNull).toList();
    }
}
