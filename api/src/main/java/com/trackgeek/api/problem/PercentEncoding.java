package com.trackgeek.api.problem;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Checks raw, still percent-encoded request text (a request target's path or query) the way a reader of it
 * will decode it: every {@code %} starts an escape of two hexadecimal digits, and the bytes all of it stands
 * for are UTF-8.
 */
final class PercentEncoding {

    private PercentEncoding() {
    }

    /** What is wrong with {@code raw}, or empty if it decodes. */
    static Optional<String> problemIn(String raw) {
        if (raw.indexOf('%') < 0 && isAscii(raw)) {
            return Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 4);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.of("'%' at position " + i + " is not followed by two hexadecimal digits");
                }
                int high = hex(raw.charAt(i + 1));
                int low = hex(raw.charAt(i + 2));
                if (high < 0 || low < 0) {
                    return Optional.of("'" + raw.substring(i, i + 3) + "' at position " + i + " is not a %-escape"
                            + " (two hexadecimal digits)");
                }
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes.flip());
            return Optional.empty();
        } catch (CharacterCodingException e) {
            return Optional.of("its %-escapes do not stand for UTF-8 text");
        }
    }

    /** ASCII hexadecimal digits only: {@link Character#digit} would also take other scripts' digits. */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static boolean isAscii(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }
}
