package com.trackgeek.sync.provider.igdb;

import com.trackgeek.contracts.Provider;
import com.trackgeek.contracts.catalog.Game;
import com.trackgeek.contracts.catalog.GameAgeRating;
import com.trackgeek.contracts.catalog.GameCompany;
import com.trackgeek.contracts.catalog.GameLanguageSupport;
import com.trackgeek.contracts.catalog.GameMultiplayerMode;
import com.trackgeek.contracts.catalog.GameReference;
import com.trackgeek.contracts.catalog.GameRelation;
import com.trackgeek.contracts.catalog.Link;
import com.trackgeek.contracts.catalog.Title;
import com.trackgeek.sync.provider.ProviderBodies;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fields our query expands that no recorded answer holds (the recordings asked for fewer): age ratings,
 * multiplayer modes, videos, language support types, status and type, parent game, bundles, ... in the shape
 * IGDB's API documentation gives them. The recorded games are checked field by field in
 * {@code GameSyncIntegrationTest}.
 */
class IgdbGameMapperTest {

    private static final String GAME = """
            {"id": 1942, "name": "The Witcher 3: Wild Hunt", "slug": "the-witcher-3-wild-hunt",
             "url": "https://www.igdb.com/games/the-witcher-3-wild-hunt",
             "summary": "RPG and sequel.", "storyline": "Geralt searches for Ciri.",
             "first_release_date": 1431993600,
             "game_status": {"id": 5, "status": "Released"}, "game_type": {"id": 0, "type": "Main Game"},
             "release_dates": [{"id": 1, "date": 1431993600, "human": "May 19, 2015",
                                "platform": {"id": 6, "name": "PC (Microsoft Windows)"},
                                "release_region": {"id": 8, "region": "worldwide"}, "status": {"id": 6, "name": "Full Release"}},
                               {"id": 2, "human": "TBD", "platform": {"id": 130, "name": "Nintendo Switch"}}],
             "videos": [{"id": 9, "name": "Trailer", "video_id": "c0i88t0Kacs"}],
             "themes": [{"id": 17, "name": "Fantasy"}], "keywords": [{"id": 5, "name": "monster hunting"}],
             "age_ratings": [{"id": 3, "organization": {"id": 1, "name": "ESRB"},
                              "rating_category": {"id": 11, "rating": "M"}, "synopsis": "Blood and gore."}],
             "involved_companies": [{"id": 7, "company": {"id": 908, "name": "CD Projekt RED"},
                                     "developer": true, "publisher": false, "porting": false, "supporting": false}],
             "multiplayer_modes": [{"id": 4, "platform": {"id": 6, "name": "PC (Microsoft Windows)"},
                                    "campaigncoop": false, "dropin": false, "lancoop": false, "offlinecoop": false,
                                    "offlinecoopmax": 0, "offlinemax": 1, "onlinecoop": false, "onlinecoopmax": 0,
                                    "onlinemax": 1, "splitscreen": false, "splitscreenonline": false}],
             "language_supports": [{"id": 1, "language": {"id": 7, "name": "English"},
                                    "language_support_type": {"id": 1, "name": "Audio"}}],
             "parent_game": {"id": 1, "name": "Parent", "slug": "parent", "cover": {"id": 2, "url": "//images.igdb.com/igdb/image/upload/t_thumb/p.jpg"}},
             "bundles": [{"id": 3, "name": "Bundle"}], "standalone_expansions": [{"id": 4, "name": "Standalone"}],
             "forks": [{"id": 5, "name": "Fork"}],
             "franchise": {"id": 9, "name": "The Witcher"}, "franchises": [{"id": 9, "name": "The Witcher"}],
             "game_engines": [{"id": 21, "name": "REDengine 3"}],
             "alternative_names": [{"id": 1, "name": "Wiedźmin 3: Dziki Gon", "comment": "Polish title"}],
             "external_games": [{"id": 1, "uid": "292030", "url": "https://store.steampowered.com/app/292030",
                                 "external_game_source": {"id": 1, "name": "Steam"}}],
             "websites": [{"id": 1, "url": "https://thewitcher.com", "type": {"id": 1, "type": "Official Website"}}]}
            """;

    @Test
    void everyExpandedFieldIsMapped() {
        var parsed = ProviderBodies.snakeCase(Provider.IGDB).parse(GAME.getBytes(), IgdbResponses.Game.class, "/games");
        Game game = IgdbGameMapper.toGame(parsed);

        assertThat(game.igdbId()).isEqualTo(1942);
        assertThat(game.storyline()).isEqualTo("Geralt searches for Ciri.");
        assertThat(game.status()).isEqualTo("Released");
        assertThat(game.type()).isEqualTo("Main Game");
        assertThat(game.releasedOn()).isEqualTo(LocalDate.of(2015, 5, 19));
        assertThat(game.releaseYear()).isEqualTo(2015);
        assertThat(game.lifecycle()).as("released on its one dated release; the TBD one has no date")
                .isEqualTo(com.trackgeek.contracts.catalog.Lifecycle.finished(LocalDate.of(2015, 5, 19)));
        assertThat(game.releaseDates().get(0).date()).isEqualTo(Instant.parse("2015-05-19T00:00:00Z"));
        assertThat(game.releaseDates().get(0).region()).isEqualTo("worldwide");
        assertThat(game.releaseDates().get(0).status()).isEqualTo("Full Release");
        assertThat(game.releaseDates().get(1).date()).isNull();
        assertThat(game.releaseDates().get(1).human()).isEqualTo("TBD");
        assertThat(game.videos().getFirst().video().url()).isEqualTo("https://www.youtube.com/watch?v=c0i88t0Kacs");
        assertThat(game.ageRatings()).containsExactly(new GameAgeRating(3L, "ESRB", "M", "Blood and gore."));
        assertThat(game.involvedCompanies()).containsExactly(new GameCompany(908L, "CD Projekt RED", true, false, false, false));
        assertThat(game.multiplayerModes()).containsExactly(new GameMultiplayerMode(new GameReference(6L, "PC (Microsoft Windows)"),
                false, false, false, false, 0, 1, false, 0, 1, false, false));
        assertThat(game.languageSupports()).containsExactly(new GameLanguageSupport("English", "Audio"));
        assertThat(game.parentGame()).isEqualTo(new GameRelation(1L, "Parent", "parent", "https://images.igdb.com/igdb/image/upload/t_thumb/p.jpg"));
        assertThat(game.bundles()).extracting(GameRelation::name).containsExactly("Bundle");
        assertThat(game.standaloneExpansions()).extracting(GameRelation::name).containsExactly("Standalone");
        assertThat(game.forks()).extracting(GameRelation::name).containsExactly("Fork");
        assertThat(game.gameEngines()).containsExactly(new GameReference(21L, "REDengine 3"));
        assertThat(game.alternativeNames()).containsExactly(new Title("Polish title", "Wiedźmin 3: Dziki Gon"));
        assertThat(game.alternativeTitles()).containsExactly("Wiedźmin 3: Dziki Gon");
        assertThat(game.externalGames().getFirst().source()).isEqualTo("Steam");
        assertThat(game.websites()).containsExactly(new Link("Official Website", "https://thewitcher.com"));
        assertThat(game.screenshots()).isEmpty();
        assertThat(game.cover()).isNull();
    }

    @Test
    void theEmbeddingTextHasNamesTagsAndStoryButNoPlatformsOrCompanies() {
        var parsed = ProviderBodies.snakeCase(Provider.IGDB).parse(GAME.getBytes(), IgdbResponses.Game.class, "/games");
        String text = IgdbGameMapper.toGame(parsed).description().toText();
        assertThat(text).contains("The Witcher 3: Wild Hunt", "Also known as: Wiedźmin 3: Dziki Gon", "Type: Main Game",
                "Themes: Fantasy", "Franchises: The Witcher", "Keywords: monster hunting", "RPG and sequel.",
                "Geralt searches for Ciri.");
        assertThat(text).doesNotContain("CD Projekt", "Windows");
    }
}
