package com.trackgeek.simulator.igdb;

import com.trackgeek.simulator.EmbeddedSimulator;
import com.trackgeek.simulator.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated IGDB and Twitch over real HTTP: tokens, games by id, the recorded error bodies, the limits. */
class IgdbSimulatorTest {

    private static final String CLIENT = "sim-client";
    private static final String SECRET = "sim-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static EmbeddedSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = EmbeddedSimulator.start(java.util.Map.of(
                "simulator.igdb.per-second", 0,
                "simulator.igdb.not-found-above-id", 500000,
                "simulator.twitch.client-id", CLIENT,
                "simulator.twitch.client-secret", SECRET,
                "simulator.twitch.expires-in", 3600));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void twitchIssuesTokensForTheConfiguredClientAndAnswersTheRecorded400ForAnother() throws Exception {
        int issued = simulator.igdb().tokensIssued();
        HttpResponse<String> ok = token(CLIENT, SECRET);
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(ok.body());
        assertThat(body.get("access_token").asString()).matches("[a-z0-9]{30}");
        assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(body.get("token_type").asString()).isEqualTo("bearer");
        assertThat(simulator.igdb().tokensIssued()).isEqualTo(issued + 1);

        HttpResponse<String> unknown = token("someone-else", SECRET);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body())).isEqualTo(Fixtures.read("twitch/oauth2-token-error-400-invalid-client.json"));
        assertThat(token(CLIENT, "wrong").statusCode()).isEqualTo(403);
        assertThat(simulator.requests().count("/twitch/oauth2/token")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void gamesAreServedByIdRecordedOrSynthesisedAndUnknownIdsAreLeftOut() throws Exception {
        String token = newToken();
        HttpResponse<String> answer = games(token, "fields name, cover.url; where id = (19560, 3340, 77, 900001); limit 500;");
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode games = JSON.readTree(answer.body());
        assertThat(games.size()).isEqualTo(3);
        assertThat(games.get(0).get("id").asLong()).isEqualTo(19560);
        assertThat(games.get(0).get("summary").asString())
                .isEqualTo(Fixtures.read("igdb/games-19560-god-of-war-details.json").get(0).get("summary").asString());
        // The recording leaves release_dates[].platform bare; it is served expanded, named from the game's platforms.
        assertThat(games.get(0).at("/release_dates/0/platform/name").asString()).isEqualTo("PlayStation 4");
        assertThat(games.get(1).get("name").asString()).isEqualTo("Paper Mario");
        assertThat(games.get(2).get("id").asLong()).isEqualTo(77);
        assertThat(games.get(2).get("name").asString()).isNotBlank();
        assertThat(JSON.readTree(games(token, "fields name; where id = (77);").body()).get(0))
                .as("synthesised games are the same on every call").isEqualTo(games.get(2));

        simulator.igdb().serveRecordedAs(400001, 551);
        JsonNode standIn = JSON.readTree(games(token, "fields name; where id = 400001;").body()).get(0);
        assertThat(standIn.get("id").asLong()).isEqualTo(400001);
        assertThat(standIn.get("name").asString()).isEqualTo("God of War II");

        assertThat(JSON.readTree(games(token, "fields name; where id = (1,2,3,4); limit 2;").body()).size()).isEqualTo(2);

        // Recorded with bare ids: served expanded, ids kept, names synthesised.
        JsonNode zelda = JSON.readTree(games(token, "fields name; where id = 7346;").body()).get(0);
        JsonNode recorded = Fixtures.read("igdb/games-7346-zelda-botw-unexpanded-ids.json").get(0);
        assertThat(zelda.get("storyline").asString()).isEqualTo(recorded.get("storyline").asString());
        assertThat(zelda.at("/genres/0/id").asLong()).isEqualTo(recorded.at("/genres/0").asLong());
        assertThat(zelda.at("/genres/0/name").asString()).isNotBlank();
        assertThat(zelda.at("/cover/id").asLong()).isEqualTo(recorded.get("cover").asLong());
        assertThat(zelda.at("/game_type/type").asString()).isEqualTo("Main Game");
    }

    @Test
    void aRecordedSearchIsAnsweredInItsRecordedOrderPagedByOffsetAndLimit() throws Exception {
        String token = newToken();
        JsonNode recorded = Fixtures.read("igdb/games-search-god-of-war.json");

        JsonNode all = JSON.readTree(games(token, "fields name, summary; search \"God of War\"; limit 10;").body());
        assertThat(all.size()).isEqualTo(recorded.size());
        for (int i = 0; i < recorded.size(); i++) {
            assertThat(all.get(i).get("id")).isEqualTo(recorded.get(i).get("id"));
            assertThat(all.get(i).get("name")).isEqualTo(recorded.get(i).get("name"));
        }
        JsonNode page = JSON.readTree(games(token, "fields name; search \"god of war\"; limit 2; offset 1;").body());
        assertThat(page.size()).isEqualTo(2);
        assertThat(page.get(0).get("id")).isEqualTo(recorded.get(1).get("id"));
        assertThat(page.get(1).get("id")).isEqualTo(recorded.get(2).get("id"));

        JsonNode smackdown = JSON.readTree(games(token, "fields name; search \"WWE  SmackDown\"; limit 50;").body());
        assertThat(smackdown.size()).isEqualTo(Fixtures.read("igdb/games-search-wwe-smackdown-unexpanded-2023.json").size());
        assertThat(JSON.readTree(games(token, "fields name; search \"paper mario\"; limit 3;").body()).size()).isEqualTo(3);
        assertThat(JSON.readTree(games(token, "fields name; search \"no \\\"such\\\" game\"; limit 3;").body()).isEmpty())
                .as("an unrecorded search finds nothing").isTrue();

        assertThat(games(null, "fields name; search \"mario\";").statusCode()).as("the same token check").isEqualTo(401);
    }

    @Test
    void wrongMissingExpiredTokensGetTheRecorded401AndBadQueriesTheRecorded400() throws Exception {
        JsonNode unauthorized = Fixtures.read("igdb/error-401-authorization-failure.json");
        HttpResponse<String> none = games(null, "fields name; where id = (1);");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(none.body())).isEqualTo(unauthorized);
        assertThat(games("notatokenwehaveissued", "fields name; where id = (1);").statusCode()).isEqualTo(401);

        String token = newToken();
        assertThat(games(token, "fields name; where id = (1);").statusCode()).isEqualTo(200);
        HttpResponse<String> syntax = games(token, "fields url; where game=None;");
        assertThat(syntax.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(syntax.body())).isEqualTo(Fixtures.read("igdb/error-400-syntax-error.json"));

        simulator.igdb().expireTokens();
        HttpResponse<String> expired = games(token, "fields name; where id = (1);");
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(expired.body())).isEqualTo(unauthorized);
    }

    @Test
    void theNinthOpenRequestIsAnswered429AndThePeakIsRecorded() throws Exception {
        String token = newToken();
        simulator.script().delay("/igdb/v4/games", Duration.ofMillis(700));
        simulator.igdb().resetPeakOpenRequests();
        int rejectedBefore = simulator.igdb().openRequestRejections();
        try (ExecutorService threads = Executors.newFixedThreadPool(12)) {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> games(token, "fields name; where id = (5);").statusCode(), threads));
            }
            List<Integer> statuses = calls.stream().map(CompletableFuture::join).toList();
            assertThat(statuses).filteredOn(status -> status == 200).hasSize(8);
            assertThat(statuses).filteredOn(status -> status == 429).hasSize(4);
        } finally {
            simulator.script().clear("/igdb/v4/games");
        }
        assertThat(simulator.igdb().peakOpenRequests()).as("the 9th open request was seen").isBetween(9, 12);
        assertThat(simulator.igdb().openRequestRejections() - rejectedBefore).isEqualTo(4);
    }

    @Test
    void gamesByRatingAreListedFiveHundredAtATimeEachWithTheRatingItIsFetchedWith() throws Exception {
        String token = newToken();

        JsonNode first = JSON.readTree(games(token, "fields id; where total_rating != null; sort total_rating desc; limit 500;").body());
        JsonNode second = JSON.readTree(games(token, "fields id; where total_rating != null; sort total_rating desc; limit 500; offset 500;").body());

        assertThat(first).hasSize(500);
        assertThat(second).hasSize(500);
        assertThat(first.get(0).propertyNames()).containsExactly("id");
        List<Double> ratings = new ArrayList<>();
        for (JsonNode entry : List.of(first.get(0), first.get(1), first.get(499), second.get(0))) {
            JsonNode game = JSON.readTree(games(token, "fields *; where id = " + entry.get("id").asLong() + ";").body()).get(0);
            ratings.add(game.get("total_rating").asDouble());
        }
        assertThat(ratings).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void gamesAfterAnIdAreListedInIdOrderUpToTheLastGame() throws Exception {
        String token = newToken();

        JsonNode start = JSON.readTree(games(token, "fields id; where id > 0; sort id asc; limit 500;").body());
        JsonNode end = JSON.readTree(games(token, "fields id; where id > 499990; sort id asc; limit 500;").body());

        assertThat(start).hasSize(500);
        assertThat(start.get(0).get("id").asLong()).isEqualTo(1);
        assertThat(start.get(499).get("id").asLong()).isEqualTo(500);
        assertThat(end.valueStream().map(game -> game.get("id").asLong()))
                .containsExactly(499991L, 499992L, 499993L, 499994L, 499995L, 499996L, 499997L, 499998L, 499999L, 500000L);
    }

    @Test
    void gamesChangedInARangeAreListedByUpdatedAtOnlyTheScriptedOnesAndTheirBodiesCarryIt() throws Exception {
        String token = newToken();
        java.time.Instant at = java.time.Instant.parse("2033-01-10T10:00:00Z");
        long a = at.getEpochSecond();
        simulator.igdb().updated(at.plusSeconds(60), 301, 302);
        simulator.igdb().updated(at, 303);
        simulator.igdb().updated(at.plusSeconds(3600), 304);
        try {
            JsonNode inRange = JSON.readTree(games(token, "fields id,updated_at; where updated_at > " + (a - 1)
                    + " & updated_at <= " + (a + 60) + "; sort updated_at asc; limit 2; offset 0;").body());
            JsonNode secondPage = JSON.readTree(games(token, "fields id,updated_at; where updated_at > " + (a - 1)
                    + " & updated_at <= " + (a + 60) + "; sort updated_at asc; limit 2; offset 2;").body());
            JsonNode lowerBoundExcluded = JSON.readTree(games(token, "fields id,updated_at; where updated_at > " + a
                    + " & updated_at <= " + (a + 3600) + "; sort updated_at asc; limit 500;").body());
            JsonNode body = JSON.readTree(games(token, "fields name; where id = (304, 305); limit 2;").body());

            assertThat(inRange.valueStream().map(game -> game.get("id").asLong())).containsExactly(303L, 301L);
            assertThat(inRange.get(0).get("updated_at").asLong()).isEqualTo(a);
            assertThat(secondPage.valueStream().map(game -> game.get("id").asLong())).containsExactly(302L);
            assertThat(lowerBoundExcluded.valueStream().map(game -> game.get("id").asLong())).containsExactly(301L, 302L, 304L);
            assertThat(body.get(0).get("updated_at").asLong()).isEqualTo(a + 3600);
            assertThat(body.get(1).get("updated_at").asLong()).as("a game no test changed: before 2025").isLessThan(1735689600L);
        } finally {
            simulator.igdb().reset();
        }
        assertThat(JSON.readTree(games(token, "fields id; where updated_at > 0 & updated_at <= " + (a + 3600)
                + "; sort updated_at asc; limit 500;").body())).as("reset forgets the changes").isEmpty();
    }

    @Test
    void popularityPrimitivesListGamesMostVisitedFirst() throws Exception {
        JsonNode answer = JSON.readTree(post("/popularity_primitives", newToken(),
                "fields game_id,value,popularity_type; where popularity_type = 1; sort value desc; limit 500;").body());

        assertThat(answer).hasSize(500);
        assertThat(answer.valueStream().map(entry -> entry.get("value").asDouble()).toList())
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(answer.valueStream().map(entry -> entry.get("game_id").asLong())).doesNotHaveDuplicates();
        assertThat(answer.get(0).get("popularity_type").asInt()).isEqualTo(1);
    }

    @Test
    void aListingThisFakeDoesNotKnowIsIgdbsSyntaxError() throws Exception {
        assertThat(games(newToken(), "fields id; where hypes > 3; sort hypes desc; limit 500;").statusCode()).isEqualTo(400);
    }

    private static String newToken() throws Exception {
        return JSON.readTree(token(CLIENT, SECRET).body()).get("access_token").asString();
    }

    private static HttpResponse<String> token(String clientId, String secret) throws Exception {
        String form = "client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&client_secret="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8) + "&grant_type=client_credentials";
        return HTTP.send(HttpRequest.newBuilder(URI.create(simulator.twitchTokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> games(String token, String query) {
        return post("/games", token, query);
    }

    private static HttpResponse<String> post(String path, String token, String query) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.igdbBaseUrl() + path))
                .header("Client-ID", CLIENT)
                .POST(HttpRequest.BodyPublishers.ofString(query));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
