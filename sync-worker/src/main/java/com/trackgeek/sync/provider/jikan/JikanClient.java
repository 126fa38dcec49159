package com.trackgeek.sync.provider.jikan;

import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;
import com.trackgeek.sync.provider.ProviderBodies;
import com.trackgeek.sync.provider.ProviderException;
import com.trackgeek.sync.provider.ProviderGateway;
import com.trackgeek.sync.provider.ProviderResponse;
import org.springframework.web.client.RestClient;

import java.util.List;

/**
 * Jikan v4's anime and manga endpoints. Every request goes through the one {@link ProviderGateway} of Jikan
 * (rate limit, retries, circuit breaker): anime and manga spend one budget, as Jikan counts them. This class
 * knows only paths and bodies.
 */
final class JikanClient {

    private final RestClient http;
    private final ProviderGateway gateway;
    private final ProviderBodies bodies = ProviderBodies.snakeCase(Provider.JIKAN);

    JikanClient(RestClient http, ProviderGateway gateway) {
        this.http = http;
        this.gateway = gateway;
    }

    JikanResponses.Anime animeFull(long malId) {
        var anime = full(MediaType.ANIME, malId, "anime_full", JikanResponses.AnimeEnvelope.class).data();
        requireIdentity(anime == null ? null : anime.malId(), anime == null ? null : anime.title(), MediaType.ANIME, malId);
        return anime;
    }

    List<JikanResponses.CharacterRole> animeCharacters(long malId) {
        var envelope = optional(MediaType.ANIME, "anime_characters", "characters", malId, JikanResponses.CharactersEnvelope.class);
        return envelope == null || envelope.data() == null ? List.of() : envelope.data();
    }

    List<JikanResponses.StaffEntry> animeStaff(long malId) {
        var envelope = optional(MediaType.ANIME, "anime_staff", "staff", malId, JikanResponses.StaffEnvelope.class);
        return envelope == null || envelope.data() == null ? List.of() : envelope.data();
    }

    JikanResponses.Videos animeVideos(long malId) {
        var envelope = optional(MediaType.ANIME, "anime_videos", "videos", malId, JikanResponses.VideosEnvelope.class);
        return envelope == null ? null : envelope.data();
    }

    JikanResponses.Manga mangaFull(long malId) {
        var manga = full(MediaType.MANGA, malId, "manga_full", JikanResponses.MangaEnvelope.class).data();
        requireIdentity(manga == null ? null : manga.malId(), manga == null ? null : manga.title(), MediaType.MANGA, malId);
        return manga;
    }

    List<JikanResponses.MangaCharacterRole> mangaCharacters(long malId) {
        var envelope = optional(MediaType.MANGA, "manga_characters", "characters", malId, JikanResponses.MangaCharactersEnvelope.class);
        return envelope == null || envelope.data() == null ? List.of() : envelope.data();
    }

    /** {@code GET /anime?q=&page=&limit=}: one call of the same budget as fetches. */
    JikanResponses.AnimeSearch searchAnime(String query, int page, int limit) {
        return search(MediaType.ANIME, "anime_search", query, page, limit, JikanResponses.AnimeSearch.class);
    }

    /** {@code GET /manga?q=&page=&limit=}. */
    JikanResponses.MangaSearch searchManga(String query, int page, int limit) {
        return search(MediaType.MANGA, "manga_search", query, page, limit, JikanResponses.MangaSearch.class);
    }

    /** {@code GET /seasons/{year}/{season}?page=}: Jikan's largest page, 25 entries. */
    JikanResponses.IdList season(int year, String season, int page) {
        String path = "/seasons/" + year + "/" + season;
        byte[] body = gateway.call("seasons", MediaType.ANIME, () -> ProviderBodies.exchange(http.get()
                .uri(builder -> builder.path("/seasons/{year}/{season}").queryParam("page", page).build(year, season))
                .accept(org.springframework.http.MediaType.APPLICATION_JSON)));
        return bodies.parse(body, JikanResponses.IdList.class, path);
    }

    /** {@code GET /top/{anime|manga}?filter=&page=}: no {@code filter} for the plain ranking by score. */
    JikanResponses.IdList top(MediaType type, String filter, int page) {
        String path = "/top/" + type.pathSegment();
        byte[] body = gateway.call("top_" + type.pathSegment(), type, () -> ProviderBodies.exchange(http.get()
                .uri(builder -> {
                    builder.path(path).queryParam("page", page);
                    if (filter != null) {
                        builder.queryParam("filter", filter);
                    }
                    return builder.build();
                })
                .accept(org.springframework.http.MediaType.APPLICATION_JSON)));
        return bodies.parse(body, JikanResponses.IdList.class, path);
    }

    private <T> T search(MediaType type, String endpoint, String query, int page, int limit, Class<T> answer) {
        String path = "/" + type.pathSegment();
        byte[] body = gateway.call(endpoint, type, () -> ProviderBodies.exchange(http.get()
                .uri(builder -> builder.path(path).queryParam("q", "{q}").queryParam("page", page)
                        .queryParam("limit", limit).build(query))
                .accept(org.springframework.http.MediaType.APPLICATION_JSON)));
        return bodies.parse(body, answer, path + "?q=");
    }

    private <T> T full(MediaType type, long malId, String endpoint, Class<T> envelope) {
        String path = path(type, "full");
        return parse(gateway.call(endpoint, type, () -> get(path, malId)), envelope, path, malId);
    }

    /** Without an id and a title the body describes nothing we can store; with another id, not what we asked for. */
    private static void requireIdentity(Long bodyId, String title, MediaType type, long malId) {
        String path = path(type, "full").replace("{id}", Long.toString(malId));
        if (bodyId == null || title == null || title.isBlank()) {
            throw ProviderException.invalidPayload(Provider.JIKAN, path + " has no data.mal_id or data.title", null);
        }
        if (bodyId != malId) {
            throw ProviderException.invalidPayload(Provider.JIKAN, path + " describes " + type.pathSegment() + " " + bodyId, null);
        }
    }

    /** A sub-resource Jikan answers 404 for is empty, not a failure of the whole sync. */
    private <T> T optional(MediaType type, String endpoint, String resource, long malId, Class<T> envelope) {
        String path = path(type, resource);
        try {
            return parse(gateway.call(endpoint, type, () -> get(path, malId)), envelope, path, malId);
        } catch (ProviderException failure) {
            if (failure.code() == type.notFound()) {
                return null;
            }
            throw failure;
        }
    }

    /** {@code /anime/{id}/full}, {@code /manga/{id}/characters}, ...: Jikan names its paths after the type. */
    private static String path(MediaType type, String resource) {
        return "/" + type.pathSegment() + "/{id}/" + resource;
    }

    private ProviderResponse get(String path, long malId) {
        return ProviderBodies.exchange(http.get().uri(path, malId).accept(org.springframework.http.MediaType.APPLICATION_JSON));
    }

    private <T> T parse(byte[] body, Class<T> type, String path, long malId) {
        return bodies.parse(body, type, path.replace("{id}", Long.toString(malId)));
    }
}
