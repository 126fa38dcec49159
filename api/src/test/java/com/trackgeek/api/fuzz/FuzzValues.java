package com.trackgeek.api.fuzz;

import java.util.List;
import java.util.Random;

/**
 * The corpus of hostile values, as they go on the wire (request-line text is ISO-8859-1, one char per byte, see
 * {@link Draft}), and random values beside it: the known troublemakers first, noise after.
 */
final class FuzzValues {

    /** Values for a path segment or a query parameter, already in wire form. */
    static final List<String> TARGET = List.of(
            // empty, blanks and numbers of every odd kind
            "", "%20", "+", "0", "-1", "00001", "1.5", "1e3", "1e400", "-0", "0x10", "NaN", "Infinity", "true", "null",
            "99999999999999999999", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
            "%EF%BC%91", "%D9%A1", "%E2%91%A0", // fullwidth one, Arabic-Indic one, a circled one: digits, not ASCII
            // NUL, encoded slash, backslash, percent, dots
            "%00", "a%00b", "%2F", "a%2Fb", "%2f..%2f", "%5C", "a%5Cb", "%25", "%2525", "%252F", "%2e%2e", "%2E%2E%2F",
            "..", ".", "...", "../..",
            // invalid and mixed-case escapes
            "%", "%4", "%zz", "%G0", "%u0041", "%%", "%-1", "%+1", "%c3%A9", "%C3%a9", "%E9%8B%BC",
            // overlong UTF-8, surrogates, past U+10FFFF, lone continuation bytes, not UTF-8 at all
            "%C0%AF", "%C0%80", "%C1%BF", "%E0%80%AF", "%F0%80%80%AF", "%ED%A0%80", "%ED%BF%BF", "%F4%90%80%80",
            "%F8%88%80%80%80", "%80", "%BF", "%FF", "%FE%FF", "%E9%8B", "%C3%28", "%F0%9F%98",
            // the same bytes raw, not escaped
            "\u00ff", "\u00c3\u0028", "\u00c0\u00af", "\u0080", Draft.rawUtf8("鋼の錬金術師"), Draft.rawUtf8("😀"),
            // control characters, escaped and raw
            "%0D%0A", "%0A", "%0D%0AX-Injected:%201", "%09", "%1B", "%7F", "\u0001", "\t", "\u007f",
            // characters a request target may not hold raw
            "{}", "${jndi:ldap://x/a}", "|", "^", "`", "\"", "<script>", "[1]", "a b",
            // syntax of other languages
            "'%20or%201=1--", "%27%3B%20drop%20table%20anime%3B--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "%7B%22a%22%3A1%7D", "*", "%2A", "~", "!", "$", "&", "=", ";", "a;b=c", ",", ",,,", "anime,,manga",
            "ANIME", "Anime", "anime ", "%20anime", "anime%00", "animé", "anime%2Cmanga",
            // unicode that looks like nothing, or like something else
            "%F0%9F%98%80", "%E2%80%AE", "%EF%BB%BF", "%E2%80%8B", "%EF%BF%BD", "%EF%BF%BF", "%CC%81%CC%81%CC%81",
            // ISO-8601 durations and UUIDs gone wrong
            "PT5S", "PT-5S", "P1000000000000D", "PT9999999999999999999S", "pt5s", "P", "PT",
            "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "6F1C2A4E-8A0B-4C55-9D3E-3B2F1D0C9A71",
            "6f1c2a4e8a0b4c559d3e3b2f1d0c9a71", "{6f1c2a4e-8a0b-4c55-9d3e-3b2f1d0c9a71}", "6f1c2a4e-8a0b-4c55-9d3e-3b2f1d0c9a7",
            "g f1c2a4e-8a0b-4c55-9d3e-3b2f1d0c9a71");

    /** Accept headers: the served types, wildcards, quality values and plain nonsense. */
    static final List<String> ACCEPT = List.of("application/json", "application/problem+json", "*/*", "text/html",
            "application/xml", "text/plain", "image/png", "foo", "application/*", "application/json;q=0",
            "*/*;q=abc", "text/html;q=1, application/json;q=0.1", "", "application/json; charset=utf-16",
            "application/json;version=2", ";;;", "*/json", "application/json, " + "x/y;q=0.5, ".repeat(400),
            "text/event-stream", "application/hal+json", "application/vnd.spring-boot.actuator.v3+json",
            "application/openmetrics-text; version=1.0.0", "\u00ff/\u00ff", "application/json;q=1.5",
            "APPLICATION/JSON", "application/problem+json;q=0", "*/*;q=0");

    /** Content-Type headers: the right one, its charsets, other types, broken syntax. */
    static final List<String> CONTENT_TYPE = List.of("application/json", "application/json; charset=UTF-8",
            "application/json; charset=utf-16", "application/json; charset=UTF-32", "application/json; charset=bogus",
            "application/json; charset=", "application/json; charset=\"utf-8\"", "application/json; charset=ISO-8859-1",
            "text/plain", "text/html", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
            "multipart/form-data; boundary=x", "multipart/form-data; boundary=", "application/octet-stream",
            "application/*", "*/*", "application/json;;", "json", "", "application/merge-patch+json",
            "application/problem+json", "APPLICATION/JSON", "application/json; x=" + "y".repeat(3000),
            "application/x-ndjson", "application/cbor", "application/json\u00ff", "text/json; charset=utf-8");

    /** Header values in general: empty, huge, non-ASCII, control characters, lists. */
    static final List<String> HEADER = List.of("", " ", "x", "\u00ff\u00fe", Draft.rawUtf8("鋼"), "a\u0000b", "\t",
            "a\u0001b", "a\u007fb", "x".repeat(9000), "x".repeat(70_000), "1, 2, 3", ",,,", "\"", "*", "-1",
            "99999999999999999999", "%00", "%ff", "() <> @ , ; : \\ \" / [ ] ? = { }");

    /** Values of the API key header: besides none, a valid one and an unknown one. */
    static final List<String> API_KEY = List.of("", " ", "nope", "test-fuzz-key-every-scope-4e1b8c2d ",
            " test-fuzz-key-every-scope-4e1b8c2d", "TEST-FUZZ-KEY-EVERY-SCOPE-4E1B8C2D", "{sha256}" + "0".repeat(64),
            "k".repeat(8000), "\u00ff\u00fe", "test-fuzz-key-every-scope-4e1b8c2d\u0000");

    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE",
            "CONNECT", "PROPFIND", "MKCOL", "FOO", "get", "Get", "G@T", "GET\u00ff", "X".repeat(300), "QUERY", "LINK");

    private FuzzValues() {
    }

    /** A value for a request target: from the corpus, or random bytes escaped or raw, or a long run. */
    static String target(Random random) {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3, 4, 5 -> pick(random, TARGET);
            case 6 -> randomEscapes(random, 1 + random.nextInt(12));
            case 7 -> randomUnicode(random, 1 + random.nextInt(8));
            case 8 -> "a".repeat(new int[]{256, 4096, 9000, 70_000}[random.nextInt(4)]);
            default -> pick(random, TARGET) + pick(random, TARGET);
        };
    }

    /** Random bytes, each %-escaped in a random case, or raw when printable. */
    static String randomEscapes(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int b = random.nextInt(256);
            if (b > 0x20 && b < 0x7f && b != '%' && b != '#' && b != '?' && random.nextBoolean()) {
                text.append((char) b);
            } else {
                String hex = String.format("%02X", b);
                text.append('%').append(random.nextBoolean() ? hex : hex.toLowerCase());
            }
        }
        return text.toString();
    }

    /** Random code points anywhere in Unicode (surrogate halves included), as %-escaped UTF-8 of Java's encoding. */
    static String randomUnicode(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.appendCodePoint(random.nextInt(0x10FFFF + 1));
        }
        StringBuilder escaped = new StringBuilder();
        for (byte b : text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            escaped.append('%').append(String.format("%02X", b & 0xff));
        }
        return escaped.toString();
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
