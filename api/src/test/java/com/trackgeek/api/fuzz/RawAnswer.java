package com.trackgeek.api.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What came back on the socket for one request: the final status (interim 1xx answers skipped), the headers (names
 * lower-cased, the first value of each), the body as sent (chunks joined), or why nothing readable came.
 *
 * @param status  the final status, {@link #HTTP_09} for an answer without a status line, or 0 when nothing was read
 * @param failure why no answer could be read (the connection closed or timed out first), or null
 */
record RawAnswer(int status, Map<String, String> headers, byte[] body, String failure) {

    /** The status of an HTTP/0.9 answer, which is a body without a status line or headers. */
    static final int HTTP_09 = 9;

    static RawAnswer none(String failure) {
        return new RawAnswer(0, Map.of(), new byte[0], failure);
    }

    boolean answered() {
        return status > 0;
    }

    String contentType() {
        return headers.get("content-type");
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** For a failure message: the status line's gist, the headers, and the start of the body. */
    String describe() {
        if (!answered()) {
            return "no answer: " + failure;
        }
        String text = bodyText();
        return status + " " + headers + "\n" + (text.length() > 600 ? text.substring(0, 600) + "..." : text);
    }
}
