package com.trackgeek.simulator.igdb;

import com.trackgeek.simulator.twitch.TwitchTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * IGDB v4's {@code POST /games}: checks {@code Client-ID} and the bearer token against the tokens the
 * simulated Twitch issued (else IGDB's recorded 401 body), reads the Apicalypse query (else IGDB's recorded
 * 400 syntax error), and answers an array of the games it knows among the ids asked, in the order asked, up
 * to the limit; unknown ids are simply absent, as IGDB does. A {@code search "text"} answers the recorded
 * search of that text ({@link IgdbGames#search}), paged by {@code offset} and {@code limit}. A listing a bulk
 * sync sends ({@link IgdbListing}: by rating, by id) answers {@code [{"id": ...}]} in that order ({@link IgdbLists}),
 * the change feed's ({@code updated_at} in a range) {@code [{"id": ..., "updated_at": ...}]} of the games a test
 * changed ({@link IgdbScript#updated}), oldest change first; a changed game's body carries its scripted {@code updated_at};
 * and {@code POST /popularity_primitives} lists games by popularity.
 */
@RestController
class IgdbGamesController {

    static final String PATH = "/igdb/v4/games";
    static final String POPULARITY_PATH = "/igdb/v4/popularity_primitives";

    private final IgdbGames games;
    private final IgdbScript script;
    private final TwitchTokens tokens;
    private final IgdbErrors errors;
    private final JsonMapper json;
    private final IgdbLists lists;

    IgdbGamesController(IgdbGames games, IgdbScript script, TwitchTokens tokens, IgdbErrors errors, JsonMapper json,
                        IgdbLists lists) {
        this.games = games;
        this.lists = lists;
        this.script = script;
        this.tokens = tokens;
        this.errors = errors;
        this.json = json;
    }

    @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> games(@RequestHeader(name = "Client-ID", required = false) String clientId,
                            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                            @RequestBody(required = false) String body) {
        if (!accepted(clientId, authorization)) {
            return refused();
        }
        Optional<ApicalypseQuery> query = ApicalypseQuery.parse(body);
        Optional<IgdbListing> listing = query.isEmpty() ? IgdbListing.parse(body) : Optional.empty();
        if (listing.isPresent() && listing.get().kind() != IgdbListing.Kind.BY_POPULARITY) {
            return ResponseEntity.ok(listed(listing.get()));
        }
        if (query.isEmpty()) {
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(errors.syntaxError());
        }
        ArrayNode answer = json.createArrayNode();
        if (query.get().search() != null) {
            games.search(query.get().search()).stream()
                    .filter(id -> query.get().ids().isEmpty() || query.get().ids().contains(id))
                    .skip(query.get().offset())
                    .limit(query.get().limit())
                    .forEach(id -> games.game(id, null).ifPresent(answer::add));
            return ResponseEntity.ok(answer);
        }
        for (long id : new LinkedHashSet<>(query.get().ids())) {
            if (answer.size() >= query.get().limit()) {
                break;
            }
            games.game(id, script.standInFor(id)).ifPresent(game -> {
                Long updatedAt = script.updatedAt(id);
                if (updatedAt != null) {
                    game.put("updated_at", updatedAt);
                }
                answer.add(game);
            });
        }
        return ResponseEntity.ok(answer);
    }

    /** A listing answers {@code [{"id": ...}, ...]}: the fields of a listing query are not looked at. */
    private ArrayNode listed(IgdbListing listing) {
        if (listing.kind() == IgdbListing.Kind.BY_UPDATED) {
            ArrayNode answer = json.createArrayNode();
            script.updatedBetween(listing.updatedAfter(), listing.updatedUntil()).stream()
                    .skip(listing.offset()).limit(listing.limit())
                    .forEach(id -> answer.addObject().put("id", id).put("updated_at", script.updatedAt(id)));
            return answer;
        }
        List<Long> ids = listing.kind() == IgdbListing.Kind.BY_ID
                ? lists.after(listing.afterId(), listing.limit())
                : lists.byRating().stream().skip(listing.offset()).limit(listing.limit()).toList();
        ArrayNode answer = json.createArrayNode();
        ids.forEach(id -> answer.addObject().put("id", id));
        return answer;
    }

    /**
     * IGDB v4's {@code POST /popularity_primitives}: {@code where popularity_type = N; sort value desc;} lists
     * {@code {id, game_id, popularity_type, value}} by {@link IgdbLists#byPopularity()}, whatever the type asked (the
     * fake keeps one popularity). Behind the same token check, gate and open-request limit as {@code /games}.
     */
    @PostMapping(path = POPULARITY_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> popularity(@RequestHeader(name = "Client-ID", required = false) String clientId,
                                 @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                 @RequestBody(required = false) String body) {
        if (!accepted(clientId, authorization)) {
            return refused();
        }
        Optional<IgdbListing> listing = IgdbListing.parse(body).filter(query -> query.kind() == IgdbListing.Kind.BY_POPULARITY);
        if (listing.isEmpty()) {
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(errors.syntaxError());
        }
        ArrayNode answer = json.createArrayNode();
        lists.byPopularity().stream().skip(listing.get().offset()).limit(listing.get().limit())
                .forEach(gameId -> answer.addObject()
                        .put("id", 900_000_000L + gameId)
                        .put("game_id", gameId)
                        .put("popularity_type", 1)
                        .put("value", games.popularity(gameId)));
        return ResponseEntity.ok(answer);
    }

    private boolean accepted(String clientId, String authorization) {
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        return clientId != null && tokens.accepts(clientId, token);
    }

    private ResponseEntity<?> refused() {
        return ResponseEntity.status(401).contentType(MediaType.APPLICATION_JSON).body(errors.authorizationFailure());
    }
}
