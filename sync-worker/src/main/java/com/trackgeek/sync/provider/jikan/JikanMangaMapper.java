package com.trackgeek.sync.provider.jikan;

import com.trackgeek.contracts.catalog.Character;
import com.trackgeek.contracts.catalog.Manga;
import com.trackgeek.sync.provider.jikan.JikanResponses.MangaCharacterRole;

import java.util.List;

import static com.trackgeek.sync.provider.jikan.JikanValues.dates;
import static com.trackgeek.sync.provider.jikan.JikanValues.entries;
import static com.trackgeek.sync.provider.jikan.JikanValues.imageUrl;
import static com.trackgeek.sync.provider.jikan.JikanValues.links;
import static com.trackgeek.sync.provider.jikan.JikanValues.map;
import static com.trackgeek.sync.provider.jikan.JikanValues.relations;
import static com.trackgeek.sync.provider.jikan.JikanValues.titles;

/**
 * Jikan's two manga bodies ({@code /full} and {@code /characters}) into one catalog {@link Manga}. Manga
 * characters have no voice actors: their list is empty, never null.
 */
final class JikanMangaMapper {

    private JikanMangaMapper() {
    }

    static Manga toManga(JikanResponses.Manga full, List<MangaCharacterRole> characters) {
        return new Manga(
                full.malId(),
                full.url(),
                imageUrl(full.images()),
                full.title(),
                titles(full.titles()),
                full.type(),
                full.chapters(),
                full.volumes(),
                full.status(),
                full.publishing(),
                dates(full.published()),
                full.score(),
                full.scoredBy(),
                full.rank(),
                full.popularity(),
                full.members(),
                full.favorites(),
                full.synopsis(),
                full.background(),
                entries(full.authors()),
                entries(full.serializations()),
                entries(full.genres()),
                entries(full.explicitGenres()),
                entries(full.themes()),
                entries(full.demographics()),
                relations(full.relations()),
                links(full.external()),
                map(characters, JikanMangaMapper::character));
    }

    private static Character character(MangaCharacterRole role) {
        var character = role.character();
        return new Character(
                character == null ? null : character.malId(),
                character == null ? null : character.name(),
                character == null ? null : character.url(),
                character == null ? null : imageUrl(character.images()),
                role.role(),
                List.of());
    }
}
