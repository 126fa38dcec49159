package com.trackgeek.simulator;

import com.trackgeek.simulator.igdb.IgdbScript;
import com.trackgeek.simulator.jikan.JikanPaths;
import com.trackgeek.simulator.jikan.JikanScript;
import com.trackgeek.simulator.tmdb.TmdbScript;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The provider simulator started inside a test's JVM, on a free port: the one fake of each provider that
 * unit-level tests, pipeline tests and the standalone run share, so a provider's shapes, limits and error
 * bodies are faked once. Tests point their provider clients at {@link #jikanBaseUrl()} and steer it
 * through {@link #script()}, {@link #jikan()} and {@link #requests()}.
 *
 * <p>It runs as its own Spring application (its own context, its own {@code provider-simulator.yml}), so it
 * can start inside a service's {@code @SpringBootTest} whose classpath holds DataSource, Flyway, Kafka and
 * service-kit auto-configurations: {@link ProviderSimulatorApplication} excludes those itself.
 *
 * <pre>{@code
 * try (EmbeddedSimulator simulator = EmbeddedSimulator.start(Map.of("simulator.jikan.rate-limit.per-second", 100))) {
 *     simulator.jikan().serveRecordedAs("anime", 700001, 5114);
 *     simulator.script().respond("/jikan/v4/anime/700002/full", 500, "jikan/error-500-upstream-exception-anime-full.json");
 *     ... client.get(simulator.jikanBaseUrl() + "/anime/700001/full") ...
 *     assertThat(simulator.requests().count("/jikan/v4/anime/700001/.*")).isEqualTo(4);
 * }
 * }</pre>
 */
public final class EmbeddedSimulator implements AutoCloseable {

    /** The system property the build sets, in every test JVM, to the shared fixtures folder. */
    public static final String FIXTURES_PROPERTY = "trackgeek.fixtures";

    private final ConfigurableApplicationContext context;
    private final String baseUrl;

    private EmbeddedSimulator(ConfigurableApplicationContext context) {
        this.context = context;
        this.baseUrl = "http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port");
    }

    /**
     * Starts the simulator on a free port, reading fixtures from the folder named by the system property
     * {@value #FIXTURES_PROPERTY} when it is set, else from {@code provider-simulator.yml}'s default.
     *
     * @param settings extra Spring properties, which win over every default, e.g.
     *                 {@code simulator.jikan.rate-limit.per-second=100}, {@code simulator.jikan.error-rate=0.1}
     */
    public static EmbeddedSimulator start(Map<String, ?> settings) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", 0);
        properties.put("spring.main.banner-mode", "off");
        String fixtures = System.getProperty(FIXTURES_PROPERTY);
        if (fixtures != null && !fixtures.isBlank()) {
            properties.put("simulator.fixtures-dir", fixtures);
        }
        settings.forEach((name, value) -> properties.put(name, Objects.requireNonNull(value, name)));
        // One argument per property: Spring joins repeated arguments into a list instead of letting the last win.
        String[] args = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        return new EmbeddedSimulator(ProviderSimulatorApplication.start(args));
    }

    /** Starts the simulator with its default settings (Jikan's public rate limits included). */
    public static EmbeddedSimulator start() {
        return start(Map.of());
    }

    /** {@code http://localhost:PORT}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Where a Jikan client points: {@link #baseUrl()} plus Jikan's base path ({@code /jikan/v4}). */
    public String jikanBaseUrl() {
        return baseUrl + JikanPaths.BASE;
    }

    /** Where a TMDB v3 client points ({@code https://api.themoviedb.org/3} live). */
    public String tmdbBaseUrl() {
        return baseUrl + "/tmdb/3";
    }

    /** Where an IGDB v4 client points ({@code https://api.igdb.com/v4} live). */
    public String igdbBaseUrl() {
        return baseUrl + "/igdb/v4";
    }

    /** Twitch's client-credentials token endpoint ({@code https://id.twitch.tv/oauth2/token} live). */
    public String twitchTokenUrl() {
        return baseUrl + "/twitch/oauth2/token";
    }

    /** Hardcover's GraphQL endpoint ({@code https://api.hardcover.app/v1/graphql} live). */
    public String hardcoverGraphqlUrl() {
        return baseUrl + "/hardcover/v1/graphql";
    }

    /**
     * Where a Gemini API client points ({@code https://generativelanguage.googleapis.com} live): it appends
     * {@code /v1beta/models/{model}:batchEmbedContents}.
     */
    public String googleGenaiBaseUrl() {
        return baseUrl + "/google-genai";
    }

    /** Where an OpenAI-compatible client points ({@code https://api.openai.com} live): it appends {@code /v1/embeddings}. */
    public String openAiBaseUrl() {
        return baseUrl + "/openai";
    }

    /** Scripted answers and delays, for every provider. */
    public ProviderScript script() {
        return context.getBean(ProviderScript.class);
    }

    /** Every request that reached a provider's gate. */
    public RequestLog requests() {
        return context.getBean(RequestLog.class);
    }

    /** Recorded Jikan items under ids of the test's choosing. */
    public JikanScript jikan() {
        return context.getBean(JikanScript.class);
    }

    /** Recorded TMDB movies and shows under ids of the test's choosing, and shows with many seasons. */
    public TmdbScript tmdb() {
        return context.getBean(TmdbScript.class);
    }

    /** Recorded IGDB games under ids of the test's choosing, Twitch tokens' fate, IGDB's open-request peak. */
    public IgdbScript igdb() {
        return context.getBean(IgdbScript.class);
    }

    /** Stops the server and frees its port. */
    @Override
    public void close() {
        context.close();
    }
}
