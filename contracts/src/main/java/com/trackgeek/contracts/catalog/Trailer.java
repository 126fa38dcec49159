package com.trackgeek.contracts.catalog;

/** A video on YouTube: a trailer, a promo, a music video. */
public record Trailer(String youtubeId, String url, String embedUrl, String imageUrl) {
}
