package com.trackgeek.api.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * What can be done to the header block: huge values and too many headers (Tomcat's limits), broken syntax
 * (no colon, an empty name, a folded line, NUL and raw non-ASCII bytes), the Host header missing, twice or odd,
 * Expect, and the body's framing (Content-Length and Transfer-Encoding) wrong in every way that still ends: a
 * Content-Length above the bytes sent would only make the server wait for them.
 */
final class HeaderTricks {

    private HeaderTricks() {
    }

    static String apply(Draft draft, Random random) {
        return switch (random.nextInt(16)) {
            case 0 -> {
                int size = new int[]{7000, 9000, 70_000}[random.nextInt(3)];
                draft.header("X-Big", "x".repeat(size));
                yield "a header of " + size + " bytes";
            }
            case 1 -> {
                int count = new int[]{99, 150, 1000}[random.nextInt(3)];
                for (int i = 0; i < count; i++) {
                    draft.addHeader("X-Many-" + i, Integer.toString(i));
                }
                yield count + " more headers";
            }
            case 2 -> {
                draft.addHeader("X-No-Colon", null);
                yield "a header line without a colon";
            }
            case 3 -> {
                draft.addHeader("", "x");
                yield "a header without a name";
            }
            case 4 -> {
                draft.addHeader("X-Folded", "a\r\n b");
                yield "a folded header line";
            }
            case 5 -> {
                String value = FuzzValues.pick(random, List.of("a\u0000b", "\u00ff\u00fe", "a\rb", "a\u0001b",
                        Draft.rawUtf8("鋼の錬金術師")));
                draft.header(FuzzValues.pick(random, List.of("X-Odd", "Accept", "Content-Type", "X-API-Key", "Host")),
                        value);
                yield "a header value with bytes " + CaseGenerator.abbreviate(value);
            }
            case 6 -> {
                draft.addHeader(FuzzValues.pick(random, List.of("X(A)", "X A", "X:A", "\u00ffX", "X-A ")), "1");
                yield "a header name with characters a name may not hold";
            }
            case 7 -> {
                switch (random.nextInt(4)) {
                    case 0 -> draft.removeHeader("Host");
                    case 1 -> draft.addHeader("Host", "other.example");
                    case 2 -> draft.header("Host", FuzzValues.pick(random, List.of("", "localhost:99999",
                            "user@localhost", "[::1", "local host", "localhost:-1", "localhost:8080:1", "%00")));
                    default -> draft.header("Host", "h".repeat(5000));
                }
                yield "Host: odd, missing or twice";
            }
            case 8 -> {
                String expect = FuzzValues.pick(random, List.of("100-continue", "bogus", "100-continue, x", ""));
                draft.header("Expect", expect);
                yield "Expect: " + expect;
            }
            case 9 -> {
                ensureBody(draft);
                draft.frameBody = false;
                String length = FuzzValues.pick(random, List.of("-1", "abc", "1.5", "99999999999999999999", " 1",
                        "0x10", "+1", "1,1", ""));
                draft.header("Content-Length", length);
                yield "Content-Length: " + length;
            }
            case 10 -> {
                ensureBody(draft);
                draft.frameBody = false;
                int shorter = random.nextInt(draft.body.length);
                draft.header("Content-Length", Integer.toString(shorter));
                yield "a Content-Length shorter than the body (" + shorter + " of " + draft.body.length + ")";
            }
            case 11 -> {
                ensureBody(draft);
                draft.addHeader("Content-Length", Integer.toString(draft.body.length + 1));
                yield "two different Content-Length headers";
            }
            case 12 -> {
                ensureBody(draft);
                draft.frameBody = false;
                draft.header("Transfer-Encoding", "chunked");
                draft.body = chunked(draft.body);
                yield "a chunked body";
            }
            case 13 -> {
                ensureBody(draft);
                draft.frameBody = false;
                draft.header("Transfer-Encoding", "chunked");
                draft.body = ("zz\r\n" + new String(draft.body, StandardCharsets.ISO_8859_1) + "\r\n0\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1);
                yield "a chunked body with a chunk size that is not hexadecimal";
            }
            case 14 -> {
                ensureBody(draft);
                String coding = FuzzValues.pick(random, List.of("chunked, chunked", "gzip, chunked", "identity",
                        "bogus", "chunked;x=1", "Chunked"));
                draft.header("Transfer-Encoding", coding);
                if (coding.toLowerCase().contains("chunked")) {
                    draft.body = chunked(draft.body);
                }
                yield "Transfer-Encoding: " + coding + " beside a Content-Length";
            }
            default -> {
                draft.header("Content-Encoding", FuzzValues.pick(random, List.of("gzip", "br", "bogus", "deflate")));
                yield "a Content-Encoding the body does not have";
            }
        };
    }

    private static void ensureBody(Draft draft) {
        if (draft.body == null || draft.body.length == 0) {
            draft.body = "{}".getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] chunked(byte[] body) {
        String text = Integer.toHexString(body.length) + "\r\n" + new String(body, StandardCharsets.ISO_8859_1)
                + "\r\n0\r\n\r\n";
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
