package com.trackgeek.contracts.catalog;

/**
 * A cover, screenshot or artwork on IGDB's image CDN.
 *
 * @param imageId IGDB's image id: any size is {@code https://images.igdb.com/igdb/image/upload/t_<size>/<imageId>.jpg}
 * @param url     absolute (https) URL of the image as IGDB gave it (IGDB sends it protocol-relative)
 */
public record GameImage(Long igdbId, String imageId, String url, Integer width, Integer height) {
}
