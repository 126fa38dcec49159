package com.trackgeek.api.media;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

import java.util.Enumeration;
import java.util.List;

/**
 * RFC 9110's {@code If-None-Match} for a read (section 13.1.2): {@code *} matches any current
 * representation, and a list matches if any of its tags equals the current one by weak comparison (the
 * opaque tags are equal, {@code W/} or not). Spring's own evaluation misses {@code *}, hence this.
 *
 * <p>Decided here only when it is the request's one precondition. With {@code If-Match},
 * {@code If-Unmodified-Since} or {@code If-Modified-Since} also present their order of evaluation matters
 * (section 13.2.2), and Spring's handling of a {@code ResponseEntity} with an {@code ETag} applies it.
 */
final class IfNoneMatch {

    private static final List<String> OTHER_PRECONDITIONS = List.of(
            HttpHeaders.IF_MATCH, HttpHeaders.IF_UNMODIFIED_SINCE, HttpHeaders.IF_MODIFIED_SINCE);

    private IfNoneMatch() {
    }

    /** True when {@code If-None-Match} is the only precondition of the request, or there is none. */
    static boolean isTheOnlyPrecondition(HttpServletRequest request) {
        for (String header : OTHER_PRECONDITIONS) {
            if (request.getHeader(header) != null) {
                return false;
            }
        }
        return true;
    }

    /** True if the request's {@code If-None-Match} fields match {@code currentTag} (quoted, strong). */
    static boolean matches(HttpServletRequest request, String currentTag) {
        Enumeration<String> fields = request.getHeaders(HttpHeaders.IF_NONE_MATCH);
        while (fields != null && fields.hasMoreElements()) {
            if (matches(fields.nextElement(), currentTag)) {
                return true;
            }
        }
        return false;
    }

    /** One field value: {@code *}, or {@code #entity-tag} where {@code entity-tag = [W/] DQUOTE *etagc DQUOTE}. */
    static boolean matches(String field, String currentTag) {
        int i = 0;
        int length = field.length();
        while (i < length) {
            char c = field.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
            } else if (c == '*') {
                return true;
            } else {
                if (c == 'W' && i + 1 < length && field.charAt(i + 1) == '/') {
                    i += 2;
                }
                if (i >= length || field.charAt(i) != '"') {
                    return false; // not a list of entity tags: nothing in it can match
                }
                int close = field.indexOf('"', i + 1);
                if (close < 0) {
                    return false;
                }
                if (field.regionMatches(i, currentTag, 0, currentTag.length()) && close + 1 - i == currentTag.length()) {
                    return true;
                }
                i = close + 1;
            }
        }
        return false;
    }
}
