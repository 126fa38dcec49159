package com.trackgeek.sync.provider.igdb;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.util.List;

/**
 * IGDB v4's {@code /games} answer for our query (see {@code games-fields.apicalypse}), as IGDB documents it:
 * snake_case, dates in Unix epoch seconds, absent fields omitted (null here), references expanded to objects
 * because the query asks for their fields, image URLs protocol-relative. Unknown fields are ignored.
 */
final class IgdbResponses {

    private IgdbResponses() {
    }

    record Game(Long id, String name, String slug, String url, String summary, String storyline,
                Long firstReleaseDate, BigDecimal totalRating, BigDecimal aggregatedRating,
                GameStatus gameStatus, GameType gameType,
                List<ReleaseDate> releaseDates, Image cover, List<Image> screenshots, List<Image> artworks,
                List<Video> videos, List<Named> genres, List<Named> themes, List<Named> keywords,
                List<Named> playerPerspectives, List<Named> gameModes, List<AgeRating> ageRatings,
                List<InvolvedCompany> involvedCompanies, List<Named> platforms,
                List<MultiplayerMode> multiplayerModes, List<LanguageSupport> languageSupports,
                Related parentGame, List<Related> similarGames, List<Related> forks, List<Related> ports,
                List<Related> expansions, List<Related> expandedGames, List<Related> dlcs,
                List<Related> standaloneExpansions, List<Related> remakes, List<Related> remasters,
                List<Related> bundles, List<Named> collections, Named franchise, List<Named> franchises,
                List<Named> gameEngines, List<AlternativeName> alternativeNames, List<ExternalGame> externalGames,
                List<Website> websites) {
    }

    record Named(Long id, String name) {
    }

    record GameStatus(Long id, String status) {
    }

    record GameType(Long id, String type) {
    }

    record ReleaseDate(Long id, Long date, String human, Named platform, ReleaseRegion releaseRegion, Named status) {
    }

    record ReleaseRegion(Long id, String region) {
    }

    record Image(Long id, String imageId, String url, Integer width, Integer height) {
    }

    record Video(Long id, String name, String videoId) {
    }

    record AgeRating(Long id, Named organization, RatingCategory ratingCategory, String synopsis) {
    }

    record RatingCategory(Long id, String rating) {
    }

    record InvolvedCompany(Long id, Named company, Boolean developer, Boolean publisher, Boolean porting,
                           Boolean supporting) {
    }

    record MultiplayerMode(Long id, Named platform,
                           @JsonProperty("campaigncoop") Boolean campaignCoop,
                           @JsonProperty("dropin") Boolean dropIn,
                           @JsonProperty("lancoop") Boolean lanCoop,
                           @JsonProperty("offlinecoop") Boolean offlineCoop,
                           @JsonProperty("offlinecoopmax") Integer offlineCoopMax,
                           @JsonProperty("offlinemax") Integer offlineMax,
                           @JsonProperty("onlinecoop") Boolean onlineCoop,
                           @JsonProperty("onlinecoopmax") Integer onlineCoopMax,
                           @JsonProperty("onlinemax") Integer onlineMax,
                           @JsonProperty("splitscreen") Boolean splitscreen,
                           @JsonProperty("splitscreenonline") Boolean splitscreenOnline) {
    }

    record LanguageSupport(Long id, Named language, Named languageSupportType) {
    }

    record Related(Long id, String name, String slug, Image cover) {
    }

    record AlternativeName(Long id, String name, String comment) {
    }

    record ExternalGame(Long id, String uid, String url, Integer category, Named externalGameSource) {
    }

    record Website(Long id, String url, WebsiteType type) {
    }

    record WebsiteType(Long id, String type) {
    }

    /** A listing of {@code /games} asked for {@code fields id}. */
    record IdEntry(Long id) {
    }

    /** One entry of {@code /popularity_primitives}: the game and its value of one popularity type. */
    record PopularityEntry(Long id, Long gameId, Long popularityType, BigDecimal value) {
    }
}
