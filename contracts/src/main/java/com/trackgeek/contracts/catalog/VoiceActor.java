package com.trackgeek.contracts.catalog;

/** Who voices a character, in which language. */
public record VoiceActor(Person person, String language) {
}
