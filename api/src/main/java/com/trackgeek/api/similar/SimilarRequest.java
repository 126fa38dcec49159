package com.trackgeek.api.similar;

import com.trackgeek.api.media.RequestParameters;
import com.trackgeek.api.problem.ApiException;
import com.trackgeek.api.problem.CallerText;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A similar-titles request's parameters, checked: the caller's mistakes are 400s that say what is valid. */
record SimilarRequest(MediaKey item, Set<MediaType> types, int limit) {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");
    private static final String KNOWN_TYPES = Arrays.stream(MediaType.values()).map(MediaType::pathSegment)
            .collect(Collectors.joining(", "));

    static SimilarRequest of(String type, String id, String types, String limit, SimilarProperties properties) {
        MediaType mediaType = MediaType.fromPathSegment(type).orElseThrow();
        MediaKey item = MediaKey.of(mediaType, RequestParameters.providerId(id));
        return new SimilarRequest(item, types(types, mediaType), limit(limit, properties));
    }

    private static Set<MediaType> types(String text, MediaType asked) {
        if (text == null || text.isBlank()) {
            return EnumSet.of(asked);
        }
        Set<MediaType> types = EnumSet.noneOf(MediaType.class);
        for (String segment : text.split(",", -1)) {
            types.add(MediaType.fromPathSegment(segment.trim()).orElseThrow(() -> ApiException.invalidParameter(
                    "types is a comma-separated list of " + KNOWN_TYPES + ", not " + CallerText.quoted(text) + ".")));
        }
        return types;
    }

    private static int limit(String text, SimilarProperties properties) {
        if (text == null) {
            return properties.defaultLimit();
        }
        int limit = DIGITS.matcher(text).matches() ? Integer.parseInt(text) : -1;
        if (limit < 1 || limit > properties.maxLimit()) {
            throw ApiException.invalidParameter("limit is a whole number from 1 to " + properties.maxLimit() + ", not "
                    + CallerText.quoted(text) + ".");
        }
        return limit;
    }

}
