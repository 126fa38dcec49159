package com.trackgeek.embedding.item;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The text an item's embedding is computed from, with its SHA-256: equal hashes mean the stored vector is
 * still the right one and the model need not run.
 */
record EmbeddingText(String text, String hash) {

    static EmbeddingText of(String text) {
        return new EmbeddingText(text, sha256(text));
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
