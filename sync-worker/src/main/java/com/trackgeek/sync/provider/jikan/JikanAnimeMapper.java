package com.trackgeek.sync.provider.jikan;

import com.trackgeek.sync.media.anime.Anime;
import com.trackgeek.sync.provider.jikan.JikanResponses.CharacterRole;
import com.trackgeek.sync.provider.jikan.JikanResponses.Images;
import com.trackgeek.sync.provider.jikan.JikanResponses.Resource;
import com.trackgeek.sync.provider.jikan.JikanResponses.StaffEntry;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Jikan's four anime bodies into one {@link Anime}. Jikan leaves many fields null for upcoming titles; lists
 * are never null in our model, so the API can always iterate them.
 */
final class JikanAnimeMapper {

    private JikanAnimeMapper() {
    }

    static Anime toAnime(JikanResponses.Anime full, List<CharacterRole> characters, List<StaffEntry> staff,
                         JikanResponses.Videos videos) {
        var aired = full.aired();
        var broadcast = full.broadcast();
        var theme = full.theme();
        return new Anime(
                full.malId(),
                full.url(),
                imageUrl(full.images()),
                trailer(full.trailer()),
                full.title(),
                map(full.titles(), title -> new Anime.Title(title.type(), title.title())),
                full.type(),
                full.source(),
                full.episodes(),
                full.status(),
                full.airing(),
                aired == null ? null : aired.from(),
                aired == null ? null : aired.to(),
                aired == null ? null : aired.text(),
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
                map(full.relations(), relation -> new Anime.Relation(relation.relation(), entries(relation.entry()))),
                theme == null ? null : new Anime.Theme(nonNull(theme.openings()), nonNull(theme.endings())),
                map(full.external(), link -> new Anime.Link(link.name(), link.url())),
                map(characters, JikanAnimeMapper::character),
                map(staff, entry -> new Anime.StaffMember(person(entry.person()), nonNull(entry.positions()))),
                videos(videos));
    }

    private static Anime.Character character(CharacterRole role) {
        var character = role.character();
        return new Anime.Character(
                character == null ? null : character.malId(),
                character == null ? null : character.name(),
                character == null ? null : character.url(),
                character == null ? null : imageUrl(character.images()),
                role.role(),
                map(role.voiceActors(), actor -> new Anime.VoiceActor(person(actor.person()), actor.language())));
    }

    private static Anime.Person person(JikanResponses.Person person) {
        return person == null ? null : new Anime.Person(person.malId(), person.name(), person.url(), imageUrl(person.images()));
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

    private static Anime.Trailer trailer(JikanResponses.Trailer trailer) {
        if (trailer == null || (trailer.youtubeId() == null && trailer.url() == null)) {
            return null;
        }
        var images = trailer.images();
        String image = images == null ? null : firstNonNull(images.maximumImageUrl(), images.largeImageUrl(), images.imageUrl());
        return new Anime.Trailer(trailer.youtubeId(), trailer.url(), trailer.embedUrl(), image);
    }

    private static List<Anime.Entry> entries(List<Resource> resources) {
        return map(resources, resource -> new Anime.Entry(resource.malId(), resource.type(), resource.name(), resource.url()));
    }

    /** The largest JPEG MyAnimeList offers; every client can show it. */
    private static String imageUrl(Images images) {
        if (images == null) {
            return null;
        }
        var jpg = images.jpg();
        var webp = images.webp();
        return firstNonNull(
                jpg == null ? null : jpg.largeImageUrl(),
                jpg == null ? null : jpg.imageUrl(),
                webp == null ? null : webp.largeImageUrl(),
                webp == null ? null : webp.imageUrl());
    }

    private static <A, B> List<B> map(List<A> values, Function<A, B> mapping) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).map(mapping).toList();
    }

    private static List<String> nonNull(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
