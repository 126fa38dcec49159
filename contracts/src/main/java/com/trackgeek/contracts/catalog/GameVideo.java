package com.trackgeek.contracts.catalog;

/** A video IGDB lists for the game (a trailer, a gameplay video), hosted on YouTube. */
public record GameVideo(Long igdbId, String name, Trailer video) {
}
