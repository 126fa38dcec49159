package com.trackgeek.api.media;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * An item's 200 body, serialized once when it was read from PostgreSQL, with the strong entity tag of
 * exactly these bytes. A cache hit writes the bytes as they are: no mapping, no serialization, no hashing.
 *
 * @param body      the JSON of the item, as sent
 * @param etag      the {@code ETag} header value, quoted
 * @param freshness what the body says of it ({@code sync.stale}, {@code sync.gone}), also sent as a header
 */
record ReadyItem(byte[] body, String etag, Freshness freshness) {

    static ReadyItem of(byte[] body, Freshness freshness) {
        return new ReadyItem(body, strongTagOf(body), freshness);
    }

    boolean stale() {
        return freshness == Freshness.STALE;
    }

    /** 128 bits of the body's SHA-256: equal tags mean equal bytes, which is what a strong validator promises. */
    private static String strongTagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16)) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
