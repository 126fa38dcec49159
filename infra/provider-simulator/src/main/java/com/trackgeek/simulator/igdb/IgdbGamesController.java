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
import java.util.Optional;

/**
 * IGDB v4's {@code POST /games}: checks {@code Client-ID} and the bearer token against the tokens the
 * simulated Twitch issued (else IGDB's recorded 401 body), reads the Apicalypse query (else IGDB's recorded
 * 400 syntax error), and answers an array of the games it knows among the ids asked, in the order asked, up
 * to the limit; unknown ids are simply absent, as IGDB does. A {@code search "text"} answers the recorded
 * search of that text ({@link IgdbGames#search}), paged by {@code offset} and {@code limit}.
 */
@RestController
class IgdbGamesController {

    static final String PATH = "/igdb/v4/games";

    private final IgdbGames games;
    private final IgdbScript script;
    private final TwitchTokens tokens;
    private final IgdbErrors errors;
    private final JsonMapper json;

    IgdbGamesController(IgdbGames games, IgdbScript script, TwitchTokens tokens, IgdbErrors errors, JsonMapper json) {
        this.games = games;
        this.script = script;
        this.tokens = tokens;
        this.errors = errors;
        this.json = json;
    }

    @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> games(@RequestHeader(name = "Client-ID", required = false) String clientId,
                            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                            @RequestBody(required = false) String body) {
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        if (clientId == null || !tokens.accepts(clientId, token)) {
            return ResponseEntity.status(401).contentType(MediaType.APPLICATION_JSON).body(errors.authorizationFailure());
        }
        Optional<ApicalypseQuery> query = ApicalypseQuery.parse(body);
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
            games.game(id, script.standInFor(id)).ifPresent(answer::add);
        }
        return ResponseEntity.ok(answer);
    }
}
