package com.trackgeek.simulator.twitch;

import com.trackgeek.simulator.SimulatorProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Twitch's client-credentials grant, {@code POST /oauth2/token}: parameters in the query string or a form
 * body, as Twitch takes both. An unknown client id gets Twitch's recorded 400 {@code invalid client}; a wrong
 * secret gets 403 {@code invalid client secret} (Twitch's wording, constructed: no recording); a good pair
 * gets {@code {access_token, expires_in, token_type}}.
 */
@RestController
class TwitchTokenController {

    static final String PATH = "/twitch/oauth2/token";

    private final TwitchProperties properties;
    private final TwitchTokens tokens;
    private final byte[] invalidClient;

    TwitchTokenController(TwitchProperties properties, TwitchTokens tokens, SimulatorProperties simulator) {
        this.properties = properties;
        this.tokens = tokens;
        var recorded = simulator.providerFixtures("twitch").resolve("oauth2-token-error-400-invalid-client.json");
        try {
            // Without the fixtures folder, the same two fields.
            this.invalidClient = Files.isReadable(recorded) ? Files.readAllBytes(recorded)
                    : "{\"status\":400,\"message\":\"invalid client\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + recorded, e);
        }
    }

    @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> token(@RequestParam(name = "client_id", required = false) String clientId,
                            @RequestParam(name = "client_secret", required = false) String clientSecret,
                            @RequestParam(name = "grant_type", required = false) String grantType) {
        if (!properties.knowsClient(clientId)) {
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(invalidClient);
        }
        if (!properties.acceptsSecret(clientSecret)) {
            return ResponseEntity.status(403).body(Map.of("status", 403, "message", "invalid client secret"));
        }
        if (!"client_credentials".equals(grantType)) {
            return ResponseEntity.badRequest().body(Map.of("status", 400, "message", "invalid grant type"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.issue(clientId, Duration.ofSeconds(properties.expiresIn())));
        body.put("expires_in", properties.expiresIn());
        body.put("token_type", "bearer");
        return ResponseEntity.ok(body);
    }
}
