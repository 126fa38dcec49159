package com.trackgeek.api.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A request being built: valid for its endpoint at first, then mutated. The request line and the headers are
 * kept as ISO-8859-1 text, one char per byte, so that any byte (a raw 0xFF, a NUL, half a UTF-8 sequence) can be
 * put anywhere; the body is bytes.
 */
final class Draft {

    String method;
    String path;
    final List<String> query = new ArrayList<>();
    String fragment;
    String version = "HTTP/1.1";
    String lineEnd = "\r\n";
    final List<String[]> headers = new ArrayList<>();
    byte[] body;
    /** Content-Length is added for a body unless a mutation set its own framing headers. */
    boolean frameBody = true;
    /** A mutation that writes the whole request target itself (absolute form, {@code *}). */
    String targetOverride;

    Draft(String method, String path) {
        this.method = method;
        this.path = path;
    }

    void header(String name, String value) {
        headers.removeIf(header -> header[0].equalsIgnoreCase(name));
        headers.add(new String[]{name, value});
    }

    void addHeader(String name, String value) {
        headers.add(new String[]{name, value});
    }

    void removeHeader(String name) {
        headers.removeIf(header -> header[0].equalsIgnoreCase(name));
    }

    String target() {
        if (targetOverride != null) {
            return targetOverride;
        }
        return path + (query.isEmpty() ? "" : "?" + String.join("&", query)) + (fragment == null ? "" : "#" + fragment);
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target()).append(version.isEmpty() ? "" : " " + version).append(lineEnd);
        for (String[] header : headers) {
            head.append(header[0]).append(header[1] == null ? "" : ": " + header[1]).append(lineEnd);
        }
        if (body != null && frameBody) {
            head.append("Content-Length: ").append(body.length).append(lineEnd);
        }
        // Every connection answers one request: the next case starts afresh.
        head.append("Connection: close").append(lineEnd).append(lineEnd);
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    /** UTF-8 text as the ISO-8859-1 chars of its bytes: how raw non-ASCII goes into the request line here. */
    static String rawUtf8(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
