package com.trackgeek.sync.command;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.ItemSynced;
import com.trackgeek.contracts.SyncFailed;
import com.trackgeek.contracts.Topics;
import com.trackgeek.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.trackgeek.contracts.MediaType.GAME;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Games from IGDB through the worker, end to end: recorded games stored with every field their recording
 * has, checked value by value against the fixture; the app token replaced after IGDB refuses it; bodies that
 * do not fit failing as invalid payloads without storing anything.
 */
class GameSyncIntegrationTest extends AbstractWorkerIntegrationTest {

    private static final String GAMES = "/igdb/v4/games";

    /** Reference lists stored as {igdbId, name}. */
    private static final Map<String, String> REFERENCES = Map.of(
            "genres", "genres", "themes", "themes", "keywords", "keywords", "player_perspectives", "playerPerspectives",
            "game_modes", "gameModes", "platforms", "platforms", "collections", "collections", "franchises", "franchises",
            "game_engines", "gameEngines");
    /** Other games, stored as {igdbId, name, slug, coverUrl}. */
    private static final Map<String, String> RELATIONS = Map.ofEntries(
            Map.entry("similar_games", "similarGames"), Map.entry("forks", "forks"), Map.entry("ports", "ports"),
            Map.entry("expansions", "expansions"), Map.entry("expanded_games", "expandedGames"), Map.entry("dlcs", "dlcs"),
            Map.entry("standalone_expansions", "standaloneExpansions"), Map.entry("remakes", "remakes"),
            Map.entry("remasters", "remasters"), Map.entry("bundles", "bundles"));
    /** Fields of the recordings that the comparison below does not cover, on purpose. */
    private static final Set<String> NOT_COMPARED = Set.of("id");

    @Test
    void recordedGamesAreStoredWithEveryFieldTheirRecordingHas() {
        assertStoredAsRecorded("igdb/games-19560-god-of-war-details.json", 19560);
        assertStoredAsRecorded("igdb/games-search-god-of-war.json", 551);
        assertStoredAsRecorded("igdb/games-search-mario-many-expanded-2024.json", 1074);
        assertStoredAsRecorded("igdb/games-search-paper-mario-expanded-2024-02.json", 3340);
    }

    /**
     * Recorded with {@code fields *}: every reference a bare id, which the simulated IGDB expands (with
     * synthesised names) as our query would get them. The ids and every recorded value must arrive.
     */
    @Test
    void aGameRecordedWithBareIdsKeepsEveryIdAndValue() {
        JsonNode recorded = recordedGameOf("igdb/games-7346-zelda-botw-unexpanded-ids.json", 7346);
        long id = recordedGame(7346);
        sync(id);
        JsonNode stored = document(GAME, id).orElseThrow();

        for (String field : List.of("slug", "summary", "storyline", "url")) {
            assertThat(stored.get(field).asString()).as(field).isEqualTo(recorded.get(field).asString());
        }
        assertThat(stored.get("title").asString()).isEqualTo("The Legend of Zelda: Breath of the Wild");
        assertThat(stored.get("firstReleaseDate").asString()).isEqualTo(epoch(recorded.get("first_release_date")));
        assertThat(stored.get("type").asString()).as("category 0").isEqualTo("Main Game");
        assertThat(stored.get("totalRating").decimalValue()).isEqualByComparingTo(recorded.get("total_rating").decimalValue());
        assertThat(stored.get("aggregatedRating").decimalValue()).isEqualByComparingTo(recorded.get("aggregated_rating").decimalValue());
        assertThat(stored.at("/cover/igdbId").asLong()).isEqualTo(recorded.get("cover").asLong());
        assertThat(stored.at("/franchise/igdbId").asLong()).isEqualTo(recorded.get("franchise").asLong());
        assertThat(tuples(stored.get("collections"), "igdbId")).containsExactly(List.of(recorded.get("collection").asString()));
        Map<String, String> lists = Map.ofEntries(Map.entry("genres", "genres"), Map.entry("themes", "themes"),
                Map.entry("keywords", "keywords"), Map.entry("player_perspectives", "playerPerspectives"),
                Map.entry("game_modes", "gameModes"), Map.entry("platforms", "platforms"), Map.entry("franchises", "franchises"),
                Map.entry("game_engines", "gameEngines"), Map.entry("age_ratings", "ageRatings"),
                Map.entry("release_dates", "releaseDates"), Map.entry("screenshots", "screenshots"),
                Map.entry("artworks", "artworks"), Map.entry("videos", "videos"), Map.entry("similar_games", "similarGames"),
                Map.entry("dlcs", "dlcs"), Map.entry("expansions", "expansions"), Map.entry("involved_companies", "involvedCompanies"));
        lists.forEach((field, storedField) -> assertThat(tuples(stored.get(storedField), "igdbId")).as(field)
                .isEqualTo(tuples(recorded.get(field), node -> List.of(node.asString()))).isNotEmpty());
        assertThat(stored.get("alternativeNames").size()).isEqualTo(recorded.get("alternative_names").size());
        assertThat(stored.get("externalGames").size()).isEqualTo(recorded.get("external_games").size());
        assertThat(stored.get("websites").size()).isEqualTo(recorded.get("websites").size());
    }

    @Test
    void theQueriedColumnsComeFromTheGame() {
        long id = recordedGame(3340);
        sync(id);
        var columns = jdbc.sql("""
                        select title, release_year, released_on::text as released_on, release_status,
                               'Mario Story' = any(alternative_titles) as searchable_by_alternative_title
                          from media_item where media_type = 'GAME' and provider_id = :id""")
                .param("id", id).query().singleRow();
        assertThat(columns.get("title")).isEqualTo("Paper Mario");
        assertThat(columns.get("release_year")).isEqualTo(2000);
        assertThat(columns.get("released_on")).isEqualTo("2000-08-11");
        assertThat(columns.get("searchable_by_alternative_title")).isEqualTo(true);
        assertThat(state(GAME, id)).isEqualTo("pending_embeddings");
    }

    @Test
    void anExpiredTokenIsReplacedOnceAndTheSyncSucceeds() {
        sync(recordedGame(19560)); // the worker holds a token now
        jikan().igdb().expireTokens();
        int tokensBefore = jikan().igdb().tokensIssued();
        int refusedBefore = refusedGameRequests();

        long id = recordedGame(551);
        sync(id);

        assertThat(jikan().igdb().tokensIssued() - tokensBefore).as("one new token").isEqualTo(1);
        assertThat(refusedGameRequests() - refusedBefore).as("one call refused with the expired token").isEqualTo(1);
        assertThat(document(GAME, id).orElseThrow().get("title").asString()).isEqualTo("God of War II");
    }

    @Test
    void anIdIgdbLeavesOutIsGameNotFound() {
        long id = missingId();
        try (var events = probe(Topics.SYNC_EVENTS)) {
            var failed = (SyncFailed) awaitEvent(events, request(GAME, id));
            assertThat(failed.code()).isEqualTo(ErrorCode.GAME_NOT_FOUND);
        }
        assertThat(document(GAME, id)).isEmpty();
    }

    @Test
    void aGameWithWrongTypesFailsAsAnInvalidPayloadAndStoresNothing() {
        long id = newId();
        ObjectNode game = (ObjectNode) json.readTree(Fixtures.body("igdb/games-19560-god-of-war-details.json")).get(0);
        game.put("id", id);
        game.put("first_release_date", "the twentieth of April");
        jikan().script().respondBody(GAMES, 200, "[" + json.writeValueAsString(game) + "]");
        try (var events = probe(Topics.SYNC_EVENTS)) {
            var failed = (SyncFailed) awaitEvent(events, request(GAME, id));
            assertThat(failed.code()).isEqualTo(ErrorCode.PROVIDER_PAYLOAD_INVALID);
            assertThat(failed.detail()).contains("/games", "first_release_date");
        } finally {
            jikan().script().clear(GAMES);
        }
        assertThat(document(GAME, id)).isEmpty();
        assertThat(state(GAME, id)).isEqualTo("failed");
        assertThat(stateErrorCode(GAME, id)).isEqualTo("PROVIDER_PAYLOAD_INVALID");
    }

    private void assertStoredAsRecorded(String fixture, long recordedId) {
        JsonNode recorded = recordedGameOf(fixture, recordedId);
        long id = recordedGame(recordedId);
        sync(id);
        JsonNode stored = document(GAME, id).orElseThrow();
        List<String> compared = new ArrayList<>(NOT_COMPARED);

        assertThat(stored.get("igdbId").asLong()).isEqualTo(id);
        compared.add("name");
        assertThat(stored.get("title").asString()).isEqualTo(recorded.get("name").asString());
        for (String field : List.of("slug", "summary", "storyline", "url")) {
            if (recorded.has(field)) {
                compared.add(field);
                assertThat(stored.get(field).asString()).as(field).isEqualTo(recorded.get(field).asString());
            }
        }
        for (String[] rating : new String[][]{{"total_rating", "totalRating"}, {"aggregated_rating", "aggregatedRating"}}) {
            if (recorded.has(rating[0])) {
                compared.add(rating[0]);
                assertThat(stored.get(rating[1]).decimalValue()).as(rating[0]).isEqualByComparingTo(recorded.get(rating[0]).decimalValue());
            }
        }
        if (recorded.has("first_release_date")) {
            compared.add("first_release_date");
            assertThat(stored.get("firstReleaseDate").asString()).isEqualTo(epoch(recorded.get("first_release_date")));
            assertThat(jdbc.sql("select released_on::text from media_item where media_type = 'GAME' and provider_id = :id")
                    .param("id", id).query(String.class).single())
                    .isEqualTo(Instant.ofEpochSecond(recorded.get("first_release_date").asLong()).atZone(ZoneOffset.UTC).toLocalDate().toString());
        }
        if (recorded.has("cover")) {
            compared.add("cover");
            JsonNode cover = recorded.get("cover");
            assertThat(stored.at("/cover/igdbId").asLong()).isEqualTo(cover.get("id").asLong());
            if (cover.has("url")) {
                assertThat(stored.at("/cover/url").asString()).isEqualTo("https:" + cover.get("url").asString());
            }
            if (cover.has("image_id")) {
                assertThat(stored.at("/cover/imageId").asString()).isEqualTo(cover.get("image_id").asString());
                assertThat(stored.at("/cover/url").asString()).contains(cover.get("image_id").asString()).startsWith("https://images.igdb.com/");
            }
        }
        for (String images : List.of("screenshots", "artworks")) {
            if (recorded.has(images)) {
                compared.add(images);
                assertThat(tuples(stored.get(images), "igdbId", "url")).as(images)
                        .isEqualTo(tuples(recorded.get(images), node -> List.of(node.get("id").asString(), "https:" + node.get("url").asString())));
            }
        }
        REFERENCES.forEach((field, storedField) -> {
            if (recorded.has(field)) {
                compared.add(field);
                assertThat(tuples(stored.get(storedField), "igdbId", "name")).as(field)
                        .isEqualTo(tuples(recorded.get(field), "id", "name")).isNotEmpty();
            }
        });
        if (recorded.has("franchise")) {
            compared.add("franchise");
            assertThat(stored.at("/franchise/igdbId").asLong()).isEqualTo(recorded.at("/franchise/id").asLong());
            assertThat(stored.at("/franchise/name").asString()).isEqualTo(recorded.at("/franchise/name").asString());
        }
        RELATIONS.forEach((field, storedField) -> {
            if (recorded.has(field)) {
                compared.add(field);
                assertThat(tuples(stored.get(storedField), "igdbId", "name", "slug", "coverUrl")).as(field)
                        .isEqualTo(tuples(recorded.get(field), node -> List.of(node.get("id").asString(), text(node, "name"),
                                text(node, "slug"), node.has("cover") ? "https:" + node.at("/cover/url").asString() : "null")));
            }
        });
        if (recorded.has("involved_companies")) {
            compared.add("involved_companies");
            assertThat(tuples(stored.get("involvedCompanies"), "igdbId", "name", "developer", "publisher")).isEqualTo(
                    tuples(recorded.get("involved_companies"), node -> List.of(node.at("/company/id").asString(),
                            node.at("/company/name").asString(), text(node, "developer"), text(node, "publisher"))));
        }
        if (recorded.has("release_dates")) {
            compared.add("release_dates");
            assertThat(tuples(stored.get("releaseDates"), node -> List.of(node.get("igdbId").asString(), node.get("date").asString(),
                    node.at("/platform/igdbId").asString()))).isEqualTo(tuples(recorded.get("release_dates"), node -> List.of(
                    node.get("id").asString(), epoch(node.get("date")), node.get("platform").asString())));
        }
        if (recorded.has("alternative_names")) {
            compared.add("alternative_names");
            assertThat(tuples(stored.get("alternativeNames"), "title")).isEqualTo(tuples(recorded.get("alternative_names"), "name"));
        }
        if (recorded.has("language_supports")) {
            compared.add("language_supports");
            assertThat(tuples(stored.get("languageSupports"), "language"))
                    .isEqualTo(tuples(recorded.get("language_supports"), node -> List.of(node.at("/language/name").asString())));
        }
        if (recorded.has("external_games")) {
            compared.add("external_games");
            assertThat(tuples(stored.get("externalGames"), "uid", "category"))
                    .isEqualTo(tuples(recorded.get("external_games"), "uid", "category"));
        }
        if (recorded.has("websites")) {
            compared.add("websites");
            assertThat(tuples(stored.get("websites"), "url")).isEqualTo(tuples(recorded.get("websites"), "url"));
        }
        List<String> recordedFields = new ArrayList<>();
        recorded.propertyNames().forEach(recordedFields::add);
        assertThat(compared).as("every field of game " + recordedId + " in " + fixture + " is compared")
                .containsAll(recordedFields);
    }

    private void sync(long id) {
        try (var events = probe(Topics.SYNC_EVENTS)) {
            assertThat(awaitEvent(events, request(GAME, id))).isInstanceOf(ItemSynced.class);
        }
    }

    private static long recordedGame(long recordedId) {
        long id = newId();
        jikan().igdb().serveRecordedAs(id, recordedId);
        return id;
    }

    private JsonNode recordedGameOf(String fixture, long recordedId) {
        for (JsonNode game : json.readTree(Fixtures.body(fixture))) {
            if (game.get("id").asLong() == recordedId) {
                return game;
            }
        }
        throw new IllegalArgumentException(fixture + " has no game " + recordedId);
    }

    private static int refusedGameRequests() {
        return (int) jikan().requests().requests(GAMES).stream().filter(request -> request.status() == 401).count();
    }

    private static String epoch(JsonNode seconds) {
        return Instant.ofEpochSecond(seconds.asLong()).toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "null" : value.asString();
    }

    private static List<List<String>> tuples(JsonNode array, String... fields) {
        return tuples(array, node -> {
            List<String> values = new ArrayList<>();
            for (String field : fields) {
                values.add(text(node, field));
            }
            return values;
        });
    }

    private static List<List<String>> tuples(JsonNode array, java.util.function.Function<JsonNode, List<String>> values) {
        List<List<String>> tuples = new ArrayList<>();
        for (JsonNode element : array) {
            tuples.add(values.apply(element));
        }
        return tuples;
    }
}
