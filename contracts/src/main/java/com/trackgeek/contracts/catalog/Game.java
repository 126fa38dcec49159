package com.trackgeek.contracts.catalog;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A video game as we store and serve it, whatever provider described it (today IGDB). Lists are never null,
 * so readers can always iterate them; a value IGDB omits is null.
 *
 * @param title            IGDB's {@code name}
 * @param url              the game's IGDB page
 * @param firstReleaseDate the earliest release on any platform
 * @param status           IGDB's game status ("Released", "Alpha", "Cancelled", ...); IGDB omits it for most
 *                         released games
 * @param type             IGDB's game type ("Main Game", "DLC", "Remake", "Port", ...)
 * @param alternativeNames other names, with IGDB's comment on each as the title's type ("Japanese title", ...)
 * @param websites         official site, wiki, stores, socials, named by IGDB's website type where known
 */
public record Game(
        long igdbId,
        String title,
        String slug,
        String url,
        String summary,
        String storyline,
        Instant firstReleaseDate,
        List<GameRelease> releaseDates,
        String status,
        String type,
        GameImage cover,
        List<GameImage> screenshots,
        List<GameImage> artworks,
        List<GameVideo> videos,
        List<GameReference> genres,
        List<GameReference> themes,
        List<GameReference> keywords,
        List<GameReference> playerPerspectives,
        List<GameReference> gameModes,
        List<GameAgeRating> ageRatings,
        List<GameCompany> involvedCompanies,
        List<GameReference> platforms,
        List<GameMultiplayerMode> multiplayerModes,
        List<GameLanguageSupport> languageSupports,
        GameRelation parentGame,
        List<GameRelation> similarGames,
        List<GameRelation> forks,
        List<GameRelation> ports,
        List<GameRelation> expansions,
        List<GameRelation> expandedGames,
        List<GameRelation> dlcs,
        List<GameRelation> standaloneExpansions,
        List<GameRelation> remakes,
        List<GameRelation> remasters,
        List<GameRelation> bundles,
        List<GameReference> collections,
        GameReference franchise,
        List<GameReference> franchises,
        List<GameReference> gameEngines,
        List<Title> alternativeNames,
        List<GameExternalId> externalGames,
        List<Link> websites,
        BigDecimal totalRating,
        BigDecimal aggregatedRating) implements CatalogItem {

    public Game {
        releaseDates = Lists.orEmpty(releaseDates);
        screenshots = Lists.orEmpty(screenshots);
        artworks = Lists.orEmpty(artworks);
        videos = Lists.orEmpty(videos);
        genres = Lists.orEmpty(genres);
        themes = Lists.orEmpty(themes);
        keywords = Lists.orEmpty(keywords);
        playerPerspectives = Lists.orEmpty(playerPerspectives);
        gameModes = Lists.orEmpty(gameModes);
        ageRatings = Lists.orEmpty(ageRatings);
        involvedCompanies = Lists.orEmpty(involvedCompanies);
        platforms = Lists.orEmpty(platforms);
        multiplayerModes = Lists.orEmpty(multiplayerModes);
        languageSupports = Lists.orEmpty(languageSupports);
        similarGames = Lists.orEmpty(similarGames);
        forks = Lists.orEmpty(forks);
        ports = Lists.orEmpty(ports);
        expansions = Lists.orEmpty(expansions);
        expandedGames = Lists.orEmpty(expandedGames);
        dlcs = Lists.orEmpty(dlcs);
        standaloneExpansions = Lists.orEmpty(standaloneExpansions);
        remakes = Lists.orEmpty(remakes);
        remasters = Lists.orEmpty(remasters);
        bundles = Lists.orEmpty(bundles);
        collections = Lists.orEmpty(collections);
        franchises = Lists.orEmpty(franchises);
        gameEngines = Lists.orEmpty(gameEngines);
        alternativeNames = Lists.orEmpty(alternativeNames);
        externalGames = Lists.orEmpty(externalGames);
        websites = Lists.orEmpty(websites);
    }

    @Override
    public MediaKey key() {
        return MediaKey.of(MediaType.GAME, igdbId);
    }

    @Override
    public List<String> alternativeTitles() {
        return Lists.titlesOtherThan(title, alternativeNames);
    }

    @Override
    public String releaseStatus() {
        return status;
    }

    /**
     * IGDB's game status where it gives one: "Alpha", "Beta" and "Early Access" run, "Rumored" is upcoming,
     * "Cancelled" is finished, date unknown. Otherwise (IGDB omits the status of most released games) the game is
     * released on its latest known release date on any platform: a port announced for next month makes it
     * upcoming until then, a release last week makes it recently finished. No date at all: unknown.
     */
    @Override
    public Lifecycle lifecycle() {
        String said = status == null ? "" : status;
        switch (said) {
            case "Alpha", "Beta", "Early Access" -> {
                return Lifecycle.RUNNING;
            }
            case "Rumored" -> {
                return Lifecycle.UPCOMING;
            }
            case "Cancelled" -> {
                return Lifecycle.finished(null);
            }
            default -> {
            }
        }
        return Stream.concat(Stream.of(firstReleaseDate), releaseDates.stream().map(GameRelease::date))
                .filter(Objects::nonNull).max(Instant::compareTo)
                .map(latest -> Lifecycle.finished(LocalDate.ofInstant(latest, ZoneOffset.UTC)))
                .orElse(Lifecycle.UNKNOWN);
    }

    /** IGDB's ratings move as people rate. */
    @Override
    public Set<String> volatileFields() {
        return Set.of("totalRating", "aggregatedRating");
    }

    @Override
    public LocalDate releasedOn() {
        return firstReleaseDate == null ? null : LocalDate.ofInstant(firstReleaseDate, ZoneOffset.UTC);
    }

    /**
     * The cover at IGDB's {@code cover_big} size (264x374) as an https URL, or null. IGDB gives protocol-relative
     * thumbnail URLs ({@code //images.igdb.com/igdb/image/upload/t_thumb/<id>.jpg}); the size is the
     * {@code t_<size>} path segment of its documented image scheme.
     */
    @Override
    public String image() {
        if (cover == null || cover.url() == null || cover.url().isBlank()) {
            return null;
        }
        String url = cover.url().replace("/t_thumb/", "/t_cover_big/");
        return url.startsWith("//") ? "https:" + url : url;
    }

    /**
     * Names, type, the tags that say what playing it is like (genres, themes, keywords, modes, perspectives,
     * franchises), and its summary and storyline. Platforms, companies and dates are left out: two games are
     * not alike because they came out on the same console.
     */
    @Override
    public ItemDescription description() {
        Map<String, List<String>> tags = new LinkedHashMap<>();
        tags.put("Genres", names(genres));
        tags.put("Themes", names(themes));
        tags.put("Game modes", names(gameModes));
        tags.put("Player perspectives", names(playerPerspectives));
        List<String> allFranchises = new ArrayList<>();
        if (franchise != null) {
            allFranchises.add(franchise.name());
        }
        allFranchises.addAll(names(franchises));
        tags.put("Franchises", allFranchises.stream().filter(Objects::nonNull).distinct().toList());
        tags.put("Keywords", names(keywords));
        List<String> names = alternativeNames.stream().filter(Objects::nonNull).map(Title::title).filter(Objects::nonNull).toList();
        String story = summary == null ? storyline
                : storyline == null || storyline.isBlank() ? summary : summary.strip() + "\n\n" + storyline.strip();
        return new ItemDescription(title, names, type, tags, story);
    }

    private static List<String> names(List<GameReference> references) {
        return references.stream().filter(Objects::nonNull).map(GameReference::name).filter(Objects::nonNull).toList();
    }
}
