package com.trackgeek.pipeline;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.trackgeek.testsupport.Fixtures;
import com.trackgeek.testsupport.JikanBodies;

import java.util.List;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Jikan over HTTP, answering with the real recorded bodies: FMA:B's {@code /full} body (under any id the test
 * asks for), SAO's characters and staff. Counts and timestamps every request, as Jikan's gateway would.
 */
final class JikanFake implements AutoCloseable {

    private static final Pattern ANIME_PATH = Pattern.compile("/v4/anime/(\\d+)(/.*)?");

    private final WireMockServer server = new WireMockServer(options().dynamicPort().containerThreads(40));

    JikanFake() {
        server.start();
    }

    String baseUrl() {
        return server.baseUrl() + "/v4";
    }

    /** Serves a complete anime under {@code malId}. */
    void serves(long malId) {
        server.stubFor(get(urlPathEqualTo("/v4/anime/" + malId + "/full")).willReturn(okJson(fullBody(malId))));
        server.stubFor(get(urlPathEqualTo("/v4/anime/" + malId + "/characters")).willReturn(okJson(JikanBodies.characters())));
        server.stubFor(get(urlPathEqualTo("/v4/anime/" + malId + "/staff")).willReturn(okJson(JikanBodies.staff())));
        server.stubFor(get(urlPathEqualTo("/v4/anime/" + malId + "/videos")).willReturn(okJson(JikanBodies.EMPTY_VIDEOS)));
    }

    void answersNotFound(long malId) {
        server.stubFor(get(urlPathMatching("/v4/anime/" + malId + "(/.*)?")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.body("jikan/error-404-anime-not-found.json"))));
    }

    void failsWith500(long malId) {
        server.stubFor(get(urlPathMatching("/v4/anime/" + malId + "(/.*)?")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.body("jikan/error-500-upstream-exception-anime-full.json"))));
    }

    void answersTooSlowly(long malId, int delayMillis) {
        server.stubFor(get(urlPathMatching("/v4/anime/" + malId + "(/.*)?")).willReturn(okJson(fullBody(malId)).withFixedDelay(delayMillis)));
    }

    /** Forgets the stubs of {@code malId} (a recovered provider gets {@link #serves} again). */
    void forget(long malId) {
        server.getStubMappings().stream()
                .filter(stub -> stub.getRequest().getUrlPath() != null && stub.getRequest().getUrlPath().startsWith("/v4/anime/" + malId + "/")
                        || stub.getRequest().getUrlPathPattern() != null && stub.getRequest().getUrlPathPattern().startsWith("/v4/anime/" + malId + "("))
                .toList()
                .forEach(server::removeStub);
    }

    int fullCalls(long malId) {
        return server.countRequestsMatching(getRequestedFor(urlPathEqualTo("/v4/anime/" + malId + "/full")).build()).getCount();
    }

    int calls(long malId) {
        return server.countRequestsMatching(getRequestedFor(urlPathMatching("/v4/anime/" + malId + "(/.*)?")).build()).getCount();
    }

    /** When each request for one of {@code malIds} reached the fake, in milliseconds, oldest first. */
    List<Long> arrivalTimes(java.util.Set<Long> malIds) {
        return server.getAllServeEvents().stream()
                .filter(event -> malIds.contains(malIdOf(event)))
                .map(event -> event.getRequest().getLoggedDate().getTime())
                .sorted()
                .toList();
    }

    private static long malIdOf(ServeEvent event) {
        var matcher = ANIME_PATH.matcher(event.getRequest().getUrl().replaceFirst("\\?.*", ""));
        return matcher.matches() ? Long.parseLong(matcher.group(1)) : -1;
    }

    static String fullBody(long malId) {
        return JikanBodies.fullAnimeAs(malId);
    }

    @Override
    public void close() {
        server.stop();
    }
}
