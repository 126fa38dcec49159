package com.trackgeek.api.fuzz;

/**
 * One request of the fuzz run, exactly as it goes on the wire, with where it came from: the run's seed and the
 * case's number (enough to generate it again: {@code -Dfuzz.seed=... -Dfuzz.only=...}), the endpoint it aims at and
 * what was done to a valid request of it.
 */
record FuzzCase(long seed, int index, Endpoint endpoint, String mutations, byte[] request) {

    /** A HEAD request, whose answers have no body: its method after any empty lines, then a blank. */
    boolean isHead() {
        int start = 0;
        while (start < request.length && (request[start] == '\r' || request[start] == '\n')) {
            start++;
        }
        return new String(request, start, Math.min(5, request.length - start), java.nio.charset.StandardCharsets.ISO_8859_1)
                .matches("HEAD[ \t]");
    }

    /** For a failure message: how to repeat it, and the request's bytes, escaped and with long runs counted. */
    String describe() {
        return "case " + index + " of seed " + seed + " (-Dfuzz.seed=" + seed + " -Dfuzz.only=" + index + "), "
                + endpoint + ", " + mutations + ":\n" + printable(request);
    }

    /**
     * Printable ASCII as it is, CR and LF as {@code \r\n} plus a line break, other bytes as {@code \xNN}; a run of
     * more than 16 equal bytes as {@code {N x 'c'}}, so that a huge parameter still fits a failure message.
     */
    static String printable(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < bytes.length; ) {
            int run = 1;
            while (i + run < bytes.length && bytes[i + run] == bytes[i]) {
                run++;
            }
            if (run > 16) {
                text.append('{').append(run).append(" x '").append(escape(bytes[i])).append("'}");
                i += run;
                continue;
            }
            text.append(escape(bytes[i]));
            if (bytes[i] == '\n') {
                text.append('\n');
            }
            i++;
        }
        return text.length() > 4000 ? text.substring(0, 4000) + "... (" + bytes.length + " bytes in all)" : text.toString();
    }

    private static String escape(byte b) {
        int c = b & 0xff;
        if (c == '\r') {
            return "\\r";
        }
        if (c == '\n') {
            return "\\n";
        }
        if (c == '\\') {
            return "\\\\";
        }
        return c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02X", c);
    }
}
