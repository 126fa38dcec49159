package com.trackgeek.sync.provider.tmdb;

import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;
import com.trackgeek.sync.provider.ProviderBodies;
import com.trackgeek.sync.provider.ProviderException;
import com.trackgeek.sync.provider.ProviderGateway;
import com.trackgeek.sync.provider.ProviderResponse;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * TMDB v3's movie and TV endpoints, in as few calls as TMDB allows: {@code append_to_response} adds up to
 * {@value #MAX_APPENDS} sub-resources to one answer, so a movie with its credits and videos is one call, and
 * a show is one call with its credits plus one call per {@value #MAX_APPENDS} seasons ({@code season/N}
 * entries). Every request goes through TMDB's one {@link ProviderGateway}. This class knows only paths and
 * bodies.
 */
final class TmdbClient {

    /** TMDB answers at most this many {@code append_to_response} entries per request. */
    static final int MAX_APPENDS = 20;

    static final String MOVIE_PATH = "/movie/{p0}";
    static final String TV_PATH = "/tv/{p0}";

    private final RestClient http;
    private final ProviderGateway gateway;
    private final TmdbCredentials credentials;
    private final ProviderBodies bodies = ProviderBodies.snakeCase(Provider.TMDB);

    TmdbClient(RestClient http, ProviderGateway gateway, TmdbCredentials credentials) {
        this.http = http;
        this.gateway = gateway;
        this.credentials = credentials;
    }

    /** {@code /movie/{id}?append_to_response=credits,videos}: one call. */
    TmdbResponses.Movie movie(long id) {
        String path = "/movie/" + id;
        byte[] body = gateway.call("movie", MediaType.MOVIE, () -> get(MOVIE_PATH, id, "credits,videos"));
        var movie = bodies.parse(body, TmdbResponses.Movie.class, path);
        requireIdentity(movie.id(), movie.title(), path, id, "title");
        return movie;
    }

    /** {@code /tv/{id}?append_to_response=credits}: the show, its credits and its season list. */
    TmdbResponses.Show show(long id) {
        String path = "/tv/" + id;
        byte[] body = gateway.call("tv", MediaType.TV_SHOW, () -> get(TV_PATH, id, "credits"));
        var show = bodies.parse(body, TmdbResponses.Show.class, path);
        requireIdentity(show.id(), show.name(), path, id, "name");
        return show;
    }

    /**
     * Every listed season with its episodes, {@value #MAX_APPENDS} {@code season/N} entries per call. A season
     * TMDB lists but does not append is absent from the map.
     */
    Map<Integer, TmdbResponses.Season> seasons(long id, List<Integer> seasonNumbers) {
        Map<Integer, TmdbResponses.Season> seasons = new LinkedHashMap<>();
        for (int from = 0; from < seasonNumbers.size(); from += MAX_APPENDS) {
            List<Integer> batch = seasonNumbers.subList(from, Math.min(seasonNumbers.size(), from + MAX_APPENDS));
            String appends = batch.stream().map(number -> "season/" + number).collect(Collectors.joining(","));
            String path = "/tv/" + id + "?append_to_response=" + appends;
            byte[] body = gateway.call("tv_seasons", MediaType.TV_SHOW, () -> get(TV_PATH, id, appends));
            JsonNode answer = bodies.parse(body, JsonNode.class, path);
            for (int number : batch) {
                JsonNode season = answer.get("season/" + number);
                if (season != null && season.isObject()) {
                    // Parsed on its own so a mismatch names the season: "/tv/4607 season/3 ... at episodes[2].air_date".
                    seasons.put(number, bodies.parse(bodies.json().writeValueAsBytes(season), TmdbResponses.Season.class,
                            "/tv/" + id + " season/" + number));
                }
            }
        }
        return seasons;
    }

    /** {@code /search/movie?query=&page=}: one call of the same budget as fetches; TMDB's pages hold 20. */
    TmdbResponses.MovieSearch searchMovies(String query, int page) {
        byte[] body = gateway.call("search_movie", MediaType.MOVIE, () -> search("/search/movie", query, page));
        return bodies.parse(body, TmdbResponses.MovieSearch.class, "/search/movie?query=");
    }

    /** {@code /search/tv?query=&page=}. */
    TmdbResponses.ShowSearch searchShows(String query, int page) {
        byte[] body = gateway.call("search_tv", MediaType.TV_SHOW, () -> search("/search/tv", query, page));
        return bodies.parse(body, TmdbResponses.ShowSearch.class, "/search/tv?query=");
    }

    /** {@code /movie/popular?page=} and the other ranked lists ({@code path} names one): 20 results a page. */
    TmdbResponses.IdList list(String path, int page) {
        byte[] body = gateway.call("list_" + path.substring(1).replace('/', '_'), MediaType.MOVIE,
                () -> query(path, Map.of("page", page)));
        return bodies.parse(body, TmdbResponses.IdList.class, path);
    }

    /**
     * {@code /movie/changes} or {@code /tv/changes} ({@code kind} is {@code movie} or {@code tv}): page {@code page}
     * of the ids changed from {@code start} to {@code end} (whole days, at most 14 apart), 100 a page.
     */
    TmdbResponses.IdList changes(MediaType type, String kind, LocalDate start, LocalDate end, int page) {
        String path = "/" + kind + "/changes";
        byte[] body = gateway.call(kind + "_changes", type, () -> query(path,
                Map.of("start_date", start.toString(), "end_date", end.toString(), "page", page)));
        return bodies.parse(body, TmdbResponses.IdList.class, path);
    }

    private ProviderResponse search(String path, String query, int page) {
        return query(path, Map.of("query", query, "page", page));
    }

    private ProviderResponse query(String path, Map<String, ?> parameters) {
        try {
            var request = http.get()
                    .uri(builder -> credentials.uri(builder, path, parameters))
                    .accept(org.springframework.http.MediaType.APPLICATION_JSON);
            return ProviderBodies.exchange(credentials.authorize(request));
        } catch (ResourceAccessException ioFailure) {
            throw credentials.masked(ioFailure);
        }
    }

    /** Without an id and a name the body describes nothing we can store; with another id, not what we asked for. */
    private static void requireIdentity(Long bodyId, String name, String path, long id, String nameField) {
        if (bodyId == null || name == null || name.isBlank()) {
            throw ProviderException.invalidPayload(Provider.TMDB, path + " has no id or " + nameField, null);
        }
        if (bodyId != id) {
            throw ProviderException.invalidPayload(Provider.TMDB, path + " describes id " + bodyId, null);
        }
    }

    private ProviderResponse get(String pathTemplate, long id, String appends) {
        try {
            var request = http.get()
                    .uri(builder -> credentials.uri(builder, pathTemplate, Map.of("append_to_response", appends), id))
                    .accept(org.springframework.http.MediaType.APPLICATION_JSON);
            return ProviderBodies.exchange(credentials.authorize(request));
        } catch (ResourceAccessException ioFailure) {
            throw credentials.masked(ioFailure);
        }
    }
}
