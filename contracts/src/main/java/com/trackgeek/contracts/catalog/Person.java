package com.trackgeek.contracts.catalog;

/** A person or character as MyAnimeList names them, with a picture. */
public record Person(Long malId, String name, String url, String imageUrl) {
}
