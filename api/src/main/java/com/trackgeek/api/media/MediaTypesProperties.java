package com.trackgeek.api.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Which media types this deployment serves, by path segment ({@code anime}) or name ({@code TV_SHOW}).
 * Checked against the catalog at start-up by {@link ServedMediaTypes}.
 *
 * @param mediaTypes the types whose items {@code GET /api/v1/{type}/{id}} reads and fetches; the others
 *                   answer 503 {@code MEDIA_TYPE_NOT_SUPPORTED}
 */
@ConfigurationProperties("trackgeek.api")
record MediaTypesProperties(@DefaultValue({"anime", "manga", "movie", "tv", "game", "book"}) List<String> mediaTypes) {
}
