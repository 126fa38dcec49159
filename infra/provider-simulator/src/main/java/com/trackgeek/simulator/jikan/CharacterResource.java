package com.trackgeek.simulator.jikan;

import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;

/** One entry of /anime/{id}/characters, shaped like fixtures/jikan/anime-11757-sao-characters.json. */
@JsonNaming(SnakeCaseStrategy.class)
record CharacterResource(Character character, String role, List<VoiceActor> voiceActors) {

    @JsonNaming(SnakeCaseStrategy.class)
    record Character(long malId, String url, CharacterImages images, String name) {
    }

    record CharacterImages(JpgImage jpg, WebpImage webp) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    record JpgImage(String imageUrl) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    record WebpImage(String imageUrl, String smallImageUrl) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    record Person(long malId, String url, PersonImages images, String name) {
    }

    record PersonImages(JpgImage jpg) {
    }

    record VoiceActor(Person person, String language) {
    }
}
