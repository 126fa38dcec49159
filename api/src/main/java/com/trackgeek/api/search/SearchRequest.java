package com.trackgeek.api.search;

import com.trackgeek.api.problem.ApiException;
import com.trackgeek.api.problem.CallerText;
import com.trackgeek.contracts.MediaType;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A search's parameters, checked: every refusal is a 400 {@code INVALID_PARAMETER} that says what a valid value
 * looks like.
 *
 * @param query the query as given, trimmed (folding for matching happens in the database)
 * @param types the media types searched: one for {@code /api/v1/{type}/search}, all for {@code /api/v1/search}
 */
record SearchRequest(String query, Set<MediaType> types, int page, int limit) {

    static final int MAX_QUERY_LENGTH = 200;
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;

    private static final Pattern POSITIVE_INTEGER = Pattern.compile("[1-9][0-9]{0,8}");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** Hits before this page. */
    long offset() {
        return (long) (page - 1) * limit;
    }

    static SearchRequest of(String type, String query, String page, String limit) {
        return new SearchRequest(query(query), type == null ? EnumSet.allOf(MediaType.class) : EnumSet.of(type(type)),
                page == null ? 1 : positive("page", page), limit(limit));
    }

    private static MediaType type(String segment) {
        return MediaType.fromPathSegment(segment).orElseThrow(() -> ApiException.invalidParameter(
                "The type " + CallerText.quoted(segment) + " is not a media type; searchable are " + Arrays.stream(MediaType.values())
                        .map(MediaType::pathSegment).collect(Collectors.joining(", ")) + "."));
    }

    private static String query(String text) {
        String query = text == null ? "" : text.strip();
        if (query.isEmpty()) {
            throw ApiException.invalidParameter("q is required: the text to search the titles for.");
        }
        if (query.codePointCount(0, query.length()) > MAX_QUERY_LENGTH) {
            throw ApiException.invalidParameter("q is at most " + MAX_QUERY_LENGTH + " characters long.");
        }
        // PostgreSQL's text cannot hold U+0000: the query would fail there, as a 500.
        if (query.indexOf('\0') >= 0) {
            throw ApiException.invalidParameter("q may not contain the character U+0000 (%00).");
        }
        // Folding sets accents aside (search_fold): a q of nothing else would be an empty search, for a provider too.
        if (MARKS.matcher(Normalizer.normalize(query, Normalizer.Form.NFKD)).replaceAll("").isBlank()) {
            throw ApiException.invalidParameter("q needs more than accents and other combining marks.");
        }
        return query;
    }

    private static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        int limit = positive("limit", text);
        if (limit > MAX_LIMIT) {
            throw ApiException.invalidParameter("limit is 1 to " + MAX_LIMIT + ", not " + limit + ".");
        }
        return limit;
    }

    private static int positive(String name, String text) {
        String trimmed = text.strip();
        if (!POSITIVE_INTEGER.matcher(trimmed).matches()) {
            throw ApiException.invalidParameter(name + " is a positive integer" + ("limit".equals(name)
                    ? " up to " + MAX_LIMIT : "") + ", not " + CallerText.quoted(text) + ".");
        }
        return Integer.parseInt(trimmed);
    }

}
