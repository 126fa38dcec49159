package com.trackgeek.simulator.jikan;

import com.trackgeek.simulator.jikan.CharacterResource.Character;

/**
 * One entry of /manga/{id}/characters: an anime cast entry without {@code voice_actors}, as Jikan's
 * {@code manga_characters} schema has it.
 */
record MangaCharacterResource(Character character, String role) {
}
