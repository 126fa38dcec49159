package com.trackgeek.api.fuzz;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends a request's exact bytes over a fresh socket and reads the answer. A raw socket rather than
 * {@code java.net.http}: that client normalises or refuses most of what is worth sending (dot segments, bad
 * escapes, raw non-UTF-8 bytes, odd methods, malformed headers), and Tomcat itself answers some of it before
 * Spring runs, which is part of what the fuzz run checks.
 */
final class RawHttp {

    private final int port;
    private final Duration timeout;

    RawHttp(int port, Duration timeout) {
        this.port = port;
        this.timeout = timeout;
    }

    RawAnswer exchange(byte[] request, boolean head) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) timeout.toMillis());
            try {
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
            } catch (IOException refusedMidway) {
                // Tomcat may answer and close before a large request is all sent: the answer is still there to read.
            }
            return read(new BufferedInputStream(socket.getInputStream()), head);
        } catch (SocketTimeoutException e) {
            return RawAnswer.none("no answer within " + timeout);
        } catch (IOException e) {
            return RawAnswer.none(e.toString());
        }
    }

    private static RawAnswer read(InputStream in, boolean head) throws IOException {
        while (true) {
            String statusLine = line(in);
            if (statusLine == null) {
                return RawAnswer.none("the connection closed without a status line");
            }
            if (!statusLine.startsWith("HTTP/")) {
                // An HTTP/0.9 answer (Tomcat takes a request line without a version for one): the body alone.
                byte[] rest = in.readAllBytes();
                byte[] body = (statusLine + "\n").getBytes(StandardCharsets.ISO_8859_1);
                return new RawAnswer(RawAnswer.HTTP_09, Map.of(), concat(body, rest), null);
            }
            if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
                return RawAnswer.none("not an HTTP/1.1 status line: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).trim());
                }
            }
            if (status >= 100 && status < 200) {
                continue; // an interim answer (100 Continue): the final one follows
            }
            return new RawAnswer(status, headers, body(in, headers, status, head), null);
        }
    }

    private static byte[] body(InputStream in, Map<String, String> headers, int status, boolean head) throws IOException {
        if (head || status == 204 || status == 304) {
            return new byte[0];
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (String size = line(in); size != null; size = line(in)) {
                int length = Integer.parseInt(size.split(";", 2)[0].trim(), 16);
                if (length == 0) {
                    break;
                }
                body.write(in.readNBytes(length));
                line(in);
            }
            return body.toByteArray();
        }
        String length = headers.get("content-length");
        return length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** One CRLF-terminated line as ISO-8859-1, without its end; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
