package com.trackgeek.contracts.catalog;

import java.util.List;

/** A character of the item with its role ("Main", "Supporting") and, for anime, who voices it. */
public record Character(Long malId, String name, String url, String imageUrl, String role, List<VoiceActor> voiceActors) {
}
