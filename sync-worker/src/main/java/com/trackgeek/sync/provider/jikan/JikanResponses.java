package com.trackgeek.sync.provider.jikan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Jikan v4's response bodies, as far as we read them (snake_case on the wire). Unknown fields are ignored:
 * Jikan adds fields over time and we must keep working.
 */
final class JikanResponses {

    private JikanResponses() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AnimeEnvelope(Anime data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CharactersEnvelope(List<CharacterRole> data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StaffEnvelope(List<StaffEntry> data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record VideosEnvelope(Videos data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MangaEnvelope(Manga data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MangaCharactersEnvelope(List<MangaCharacterRole> data) {
    }

    /** {@code GET /anime/{id}/full}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Anime(Long malId, String url, Images images, Trailer trailer, List<Title> titles, String title, String type,
                 String source, Integer episodes, String status, Boolean airing, Dates aired, String duration,
                 String rating, BigDecimal score, Integer scoredBy, Integer rank, Integer popularity, Integer members,
                 Integer favorites, String synopsis, String background, String season, Integer year,
                 Broadcast broadcast, List<Resource> producers, List<Resource> licensors, List<Resource> studios,
                 List<Resource> genres, List<Resource> explicitGenres, List<Resource> themes,
                 List<Resource> demographics, List<Relation> relations, Theme theme, List<Link> external) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Images(Image jpg, Image webp) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Image(String imageUrl, String smallImageUrl, String largeImageUrl, String maximumImageUrl) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Trailer(String youtubeId, String url, String embedUrl, Image images) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Title(String type, String title) {
    }

    /** When an anime aired or a manga was published; {@code string} is Jikan's own wording. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Dates(OffsetDateTime from, OffsetDateTime to, @JsonProperty("string") String text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Broadcast(String day, String time, String timezone, @JsonProperty("string") String text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Resource(Long malId, String type, String name, String url) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Relation(String relation, List<Resource> entry) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Theme(List<String> openings, List<String> endings) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Link(String name, String url) {
    }

    /** {@code GET /anime/{id}/characters}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CharacterRole(Person character, String role, List<VoiceActor> voiceActors) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Person(Long malId, String url, Images images, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record VoiceActor(Person person, String language) {
    }

    /** {@code GET /anime/{id}/staff}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StaffEntry(Person person, List<String> positions) {
    }

    /** {@code GET /anime/{id}/videos}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Videos(List<Promo> promo, List<EpisodeVideo> episodes, List<MusicVideo> musicVideos) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Promo(String title, Trailer trailer) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record EpisodeVideo(Long malId, String url, String title, String episode, Images images) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MusicVideo(String title, Trailer video, MusicMeta meta) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MusicMeta(String title, String author) {
    }

    /** {@code GET /manga/{id}/full}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Manga(Long malId, String url, Images images, List<Title> titles, String title, String type, Integer chapters,
                 Integer volumes, String status, Boolean publishing, Dates published, BigDecimal score,
                 Integer scoredBy, Integer rank, Integer popularity, Integer members, Integer favorites,
                 String synopsis, String background, List<Resource> authors, List<Resource> serializations,
                 List<Resource> genres, List<Resource> explicitGenres, List<Resource> themes,
                 List<Resource> demographics, List<Relation> relations, List<Link> external) {
    }

    /** {@code GET /manga/{id}/characters}: a manga's characters have a role but no voice actors. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MangaCharacterRole(Person character, String role) {
    }

    /** {@code GET /anime?q=}: entries have the anime object's shape (without relations, theme and external). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AnimeSearch(List<Anime> data, Pagination pagination) {
    }

    /** {@code GET /manga?q=}: entries have the manga object's shape (without relations and external). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MangaSearch(List<Manga> data, Pagination pagination) {
    }

    /** {@code GET /seasons/{year}/{season}} and {@code /top/{type}}: only each entry's id is read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record IdList(List<IdEntry> data, Pagination pagination) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record IdEntry(Long malId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Pagination(Integer lastVisiblePage, Boolean hasNextPage, Integer currentPage, PageItems items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PageItems(Integer count, Long total, Integer perPage) {
    }
}
