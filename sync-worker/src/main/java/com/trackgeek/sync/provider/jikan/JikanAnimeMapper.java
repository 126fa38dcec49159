package com.trackgeek.sync.provider.jikan;

import com.trackgeek.contracts.catalog.Anime;
import com.trackgeek.contracts.catalog.Character;
import com.trackgeek.contracts.catalog.StaffMember;
import com.trackgeek.contracts.catalog.Trailer;
import com.trackgeek.contracts.catalog.VoiceActor;
import com.trackgeek.sync.provider.jikan.JikanResponses.CharacterRole;
import com.trackgeek.sync.provider.jikan.JikanResponses.StaffEntry;

import java.util.List;

import static com.trackgeek.sync.provider.jikan.JikanValues.dates;
import static com.trackgeek.sync.provider.jikan.JikanValues.entries;
import static com.trackgeek.sync.provider.jikan.JikanValues.firstNonNull;
import static com.trackgeek.sync.provider.jikan.JikanValues.imageUrl;
import static com.trackgeek.sync.provider.jikan.JikanValues.links;
import static com.trackgeek.sync.provider.jikan.JikanValues.map;
import static com.trackgeek.sync.provider.jikan.JikanValues.nonNull;
import static com.trackgeek.sync.provider.jikan.JikanValues.person;
import static com.trackgeek.sync.provider.jikan.JikanValues.relations;
import static com.trackgeek.sync.provider.jikan.JikanValues.titles;

/**
 * Jikan's four anime bodies into one catalog {@link Anime}. Jikan leaves many fields null for upcoming
 * titles; lists are never null in the catalog, so the API can always iterate them.
 */
final class JikanAnimeMapper {

    private JikanAnimeMapper() {
    }

    static Anime toAnime(JikanResponses.Anime full, List<CharacterRole> characters, List<StaffEntry> staff,
                         JikanResponses.Videos videos) {
        var broadcast = full.broadcast();
        var theme = full.theme();
        return new Anime(
                full.malId(),
                full.url(),
                imageUrl(full.images()),
                trailer(full.trailer()),
                full.title(),
                titles(full.titles()),
                full.type(),
                full.source(),
                full.episodes(),
                full.status(),
                full.airing(),
                dates(full.aired()),
                full.duration(),
                full.rating(),
                full.score(),
                full.scoredBy(),
                full.rank(),
                full.popularity(),
                full.members(),
                full.favorites(),
                full.synopsis(),
                full.background(),
                full.season(),
                full.year(),
                broadcast == null ? null : new Anime.Broadcast(broadcast.day(), broadcast.time(), broadcast.timezone(), broadcast.text()),
                entries(full.producers()),
                entries(full.licensors()),
                entries(full.studios()),
                entries(full.genres()),
                entries(full.explicitGenres()),
                entries(full.themes()),
                entries(full.demographics()),
                relations(full.relations()),
                theme == null ? null : new Anime.Theme(nonNull(theme.openings()), nonNull(theme.endings())),
                links(full.external()),
                map(characters, JikanAnimeMapper::character),
                map(staff, entry -> new StaffMember(person(entry.person()), nonNull(entry.positions()))),
                videos(videos));
    }

    private static Character character(CharacterRole role) {
        var character = role.character();
        return new Character(
                character == null ? null : character.malId(),
                character == null ? null : character.name(),
                character == null ? null : character.url(),
                character == null ? null : imageUrl(character.images()),
                role.role(),
                map(role.voiceActors(), actor -> new VoiceActor(person(actor.person()), actor.language())));
    }

    private static Anime.Videos videos(JikanResponses.Videos videos) {
        if (videos == null) {
            return new Anime.Videos(List.of(), List.of(), List.of());
        }
        return new Anime.Videos(
                map(videos.promo(), promo -> new Anime.Promo(promo.title(), trailer(promo.trailer()))),
                map(videos.episodes(), episode -> new Anime.EpisodeVideo(episode.malId(), episode.title(), episode.episode(),
                        episode.url(), imageUrl(episode.images()))),
                map(videos.musicVideos(), music -> new Anime.MusicVideo(music.title(), trailer(music.video()),
                        music.meta() == null ? null : music.meta().title(), music.meta() == null ? null : music.meta().author())));
    }

    private static Trailer trailer(JikanResponses.Trailer trailer) {
        if (trailer == null || (trailer.youtubeId() == null && trailer.url() == null)) {
            return null;
        }
        var images = trailer.images();
        String image = images == null ? null : firstNonNull(images.maximumImageUrl(), images.largeImageUrl(), images.imageUrl());
        return new Trailer(trailer.youtubeId(), trailer.url(), trailer.embedUrl(), image);
    }
}
