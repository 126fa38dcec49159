package com.trackgeek.api.problem;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an answer may repeat of the caller's own text. A detail that quotes the bad value helps the caller fix it,
 * but a long value may be a key or a token pasted into the wrong place (a path segment, a query parameter), and an
 * answer travels further than its request: into client logs, proxies, bug reports. So short values (an id, a
 * duration, a type name, a page number) are quoted, longer ones only described by their length; in a problem's
 * {@code instance} (the request's path) a long segment is left out, unless it is a UUID (our own ids).
 */
public final class CallerText {

    /** The longest value quoted back. API keys are far longer (README: 43 characters); ids and durations are shorter. */
    static final int MAX_QUOTED = 24;

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String LEFT_OUT = "...";

    private CallerText() {
    }

    /** {@code 'abc'}, or {@code a value of 43 characters} when the value is too long to be repeated. */
    public static String quoted(String text) {
        return text.length() <= MAX_QUOTED ? "'" + text + "'" : "a value of " + text.length() + " characters";
    }

    /**
     * The request's path as a problem's {@code instance}, every segment too long to be repeated (and not a UUID)
     * replaced by {@code ...}; empty if the path is no URI at all (the request may have been refused for that).
     */
    static Optional<URI> instance(String path) {
        if (path == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(URI.create(path(path)));
        } catch (IllegalArgumentException unparsable) {
            return Optional.empty();
        }
    }

    /**
     * A message the framework wrote, which may quote the caller's path or value ({@code No static resource
     * api/v1/<segment>.}, {@code Failed to convert 'id' with value: '<value>'}): every word (or path segment of
     * a word) too long to be repeated is replaced by {@code ...}.
     */
    static String scrub(String message) {
        if (message == null) {
            return null;
        }
        String[] words = message.split(" ", -1);
        for (int i = 0; i < words.length; i++) {
            if (words[i].length() > MAX_QUOTED) {
                words[i] = path(words[i]);
            }
        }
        return String.join(" ", words);
    }

    static String path(String path) {
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].length() > MAX_QUOTED && !UUID.matcher(segments[i]).matches()) {
                segments[i] = LEFT_OUT;
            }
        }
        return String.join("/", segments);
    }
}
