package com.trackgeek.api.fuzz;

import java.util.List;
import java.util.Random;

/** What can be done to the request line's framing: other HTTP versions, bare LF, odd whitespace. */
final class ProtocolTricks {

    private ProtocolTricks() {
    }

    static String apply(Draft draft, Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> {
                draft.version = FuzzValues.pick(random, List.of("HTTP/1.0", "HTTP/1.2", "HTTP/2.0", "HTTP/3",
                        "http/1.1", "HTTP/1.1 extra", "HTTP/", "HTTP/1.01", "HTTP/9.9", "HTTPS/1.1"));
                yield "version " + draft.version;
            }
            case 1 -> {
                draft.lineEnd = "\n";
                yield "bare LF line ends";
            }
            case 2 -> {
                draft.method = draft.method + " ";
                yield "two spaces after the method";
            }
            case 3 -> {
                draft.method = draft.method + "\t";
                yield "a tab after the method";
            }
            case 4 -> {
                draft.method = "\r\n" + draft.method;
                yield "an empty line before the request line";
            }
            default -> {
                draft.version = "HTTP/1.0";
                draft.removeHeader("Host");
                yield "HTTP/1.0 without Host";
            }
        };
    }
}
